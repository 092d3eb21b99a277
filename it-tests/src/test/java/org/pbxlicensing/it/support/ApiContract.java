package org.pbxlicensing.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP contract as docs/api.md states it in words: the endpoint table of its "Endpoints" section
 * (method, path, success status, the refusals of each endpoint) and the status of every code of its
 * "Errors" table. A refusal without a code (a bare {@code 403}) is an answer of a protocol of its own,
 * not a problem.
 */
public record ApiContract(List<Endpoint> endpoints, Set<Integer> generalStatuses, Map<String, Integer> errorCodes) {

    /** Where the build says the contract is, else docs/api.md of the first folder up from here that has one. */
    public static final String LOCATION_PROPERTY = "it.api.contract";

    private static final Pattern STATUS = Pattern.compile("\\b([1-5]\\d\\d)\\b");
    private static final Pattern REFUSAL = Pattern.compile("\\b([1-5]\\d\\d)\\b(?:\\s+([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+|[A-Z]{3,}))?");
    private static final Pattern CODE = Pattern.compile("`([A-Z][A-Z0-9_]+)`");

    public record Endpoint(String method, String path, int success, List<Refusal> refusals) {

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** A documented refusal; {@code code} is null for an answer of the endpoint's own protocol. */
    public record Refusal(int status, String code) {

        public boolean isProblem() {
            return code != null;
        }

        @Override
        public String toString() {
            return code == null ? String.valueOf(status) : status + " " + code;
        }
    }

    public static ApiContract ofRepository() {
        return read(location());
    }

    public static ApiContract read(Path markdown) {
        try {
            return parse(Files.readString(markdown));
        } catch (IOException e) {
            throw new UncheckedIOException("the contract " + markdown + " cannot be read", e);
        }
    }

    public static ApiContract parse(String markdown) {
        List<List<String>> endpointTable = table(section(markdown, "Endpoints"), "method and path");
        List<String> header = endpointTable.get(0);
        int pathColumn = column(header, "method and path");
        int successColumn = column(header, "success");
        int refusalColumn = column(header, "refusals");

        List<Endpoint> endpoints = new ArrayList<>();
        for (List<String> row : endpointTable.subList(1, endpointTable.size())) {
            String[] methodAndPath = plain(row.get(pathColumn)).split("\\s+", 2);
            if (methodAndPath.length != 2) {
                throw new IllegalArgumentException("an endpoint without method and path: " + row);
            }
            String path = methodAndPath[1].replaceAll("\\?.*$", "");
            endpoints.add(new Endpoint(methodAndPath[0].toLowerCase(Locale.ROOT), path,
                    successOf(row.get(successColumn), row), refusals(row.get(refusalColumn))));
        }

        Set<Integer> general = new LinkedHashSet<>();
        Matcher besides = STATUS.matcher(header.get(refusalColumn));
        while (besides.find()) {
            general.add(Integer.parseInt(besides.group(1)));
        }
        return new ApiContract(List.copyOf(endpoints), Set.copyOf(general), errorCodes(markdown));
    }

    /** The documented endpoint of a method and path, or null. */
    public Endpoint endpoint(String method, String path) {
        return endpoints.stream().filter(e -> e.method().equals(method) && e.path().equals(path)).findFirst()
                .orElse(null);
    }

    private static Map<String, Integer> errorCodes(String markdown) {
        List<List<String>> errorTable = table(section(markdown, "Errors"), "status");
        int statusColumn = column(errorTable.get(0), "status");
        int codeColumn = column(errorTable.get(0), "code");
        Map<String, Integer> codes = new LinkedHashMap<>();
        for (List<String> row : errorTable.subList(1, errorTable.size())) {
            int status = Integer.parseInt(plain(row.get(statusColumn)));
            Matcher code = CODE.matcher(row.get(codeColumn));
            while (code.find()) {
                Integer earlier = codes.put(code.group(1), status);
                if (earlier != null && earlier != status) {
                    throw new IllegalArgumentException(code.group(1) + " has two statuses, " + earlier + " and " + status);
                }
            }
        }
        return codes;
    }

    private static int successOf(String cell, List<String> row) {
        Matcher status = STATUS.matcher(plain(cell));
        if (!status.find()) {
            throw new IllegalArgumentException("an endpoint without a success status: " + row);
        }
        return Integer.parseInt(status.group(1));
    }

    private static List<Refusal> refusals(String cell) {
        List<Refusal> refusals = new ArrayList<>();
        Matcher refusal = REFUSAL.matcher(plain(cell));
        while (refusal.find()) {
            refusals.add(new Refusal(Integer.parseInt(refusal.group(1)), refusal.group(2)));
        }
        return List.copyOf(refusals);
    }

    /** The lines of a {@code ## title} section, up to the next section of that level. */
    private static List<String> section(String markdown, String title) {
        List<String> lines = markdown.lines().toList();
        int start = lines.indexOf("## " + title);
        if (start < 0) {
            throw new IllegalArgumentException("no section \"## " + title + "\"");
        }
        int end = start + 1;
        while (end < lines.size() && !lines.get(end).startsWith("## ")) {
            end++;
        }
        return lines.subList(start + 1, end);
    }

    /** The first table of the lines whose first header cell starts with {@code firstHeader}: header, then rows. */
    private static List<List<String>> table(List<String> lines, String firstHeader) {
        List<List<String>> table = new ArrayList<>();
        for (String line : lines) {
            boolean row = line.startsWith("|");
            if (table.isEmpty()) {
                if (row && plain(cells(line).get(0)).startsWith(firstHeader)) {
                    table.add(cells(line));
                }
            } else if (!row) {
                break;
            } else if (!line.matches("\\|[\\s:|-]+\\|")) {
                table.add(cells(line));
            }
        }
        if (table.size() < 2) {
            throw new IllegalArgumentException("no table headed \"" + firstHeader + "\" with rows");
        }
        return table;
    }

    private static List<String> cells(String line) {
        String inner = line.strip().replaceAll("^\\|", "").replaceAll("\\|$", "");
        return List.of(inner.split("\\|", -1)).stream().map(String::strip).toList();
    }

    private static int column(List<String> header, String name) {
        for (int i = 0; i < header.size(); i++) {
            if (plain(header.get(i)).startsWith(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no column \"" + name + "\" in " + header);
    }

    private static String plain(String cell) {
        return cell.replace("`", "").strip();
    }

    private static Path location() {
        String configured = System.getProperty(LOCATION_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        for (Path folder = Path.of("").toAbsolutePath(); folder != null; folder = folder.getParent()) {
            Path candidate = folder.resolve("docs").resolve("api.md");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("docs/api.md is neither named by " + LOCATION_PROPERTY
                + " nor in a folder above " + Path.of("").toAbsolutePath());
    }
}
