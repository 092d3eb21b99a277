package org.pbxlicensing.perf;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonWriterFactory;
import jakarta.json.stream.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** The figures of one benchmark run as JSON (for machines) and Markdown (for people), with the targets. */
final class BenchmarkReport {

    private final String baseUrl;
    private final int connections;
    private final int seconds;
    private final long registrations;
    private final long installations;
    private final List<ScenarioResult> results;
    private final Map<String, Long> rssMiB;
    private final Map<String, DatabaseStatements.PerRequest> statements;
    private final Map<String, Map<String, Double>> cpuMicros;
    private final long overAllocated;
    private final List<String> activationErrors;
    private final Instant at = Instant.now();

    BenchmarkReport(String baseUrl, int connections, int seconds, long registrations, long installations,
            List<ScenarioResult> results,
            Map<String, Long> rssMiB, Map<String, DatabaseStatements.PerRequest> statements,
            Map<String, Map<String, Double>> cpuMicros, long overAllocated, List<String> activationErrors) {
        this.baseUrl = baseUrl;
        this.connections = connections;
        this.seconds = seconds;
        this.registrations = registrations;
        this.installations = installations;
        this.results = results;
        this.rssMiB = rssMiB;
        this.statements = statements;
        this.cpuMicros = cpuMicros;
        this.overAllocated = overAllocated;
        this.activationErrors = List.copyOf(activationErrors);
    }

    void write(Path folder) throws IOException {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("results.json"), json());
        Files.writeString(folder.resolve("results.md"), markdown());
    }

    private Optional<ScenarioResult> result(String name) {
        return results.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    /** A scenario's requests per second over ping's in the same run. */
    private double toPing(ScenarioResult scenario) {
        return scenario.throughput() / result("ping").orElseThrow().throughput();
    }

    private long peakRss() {
        return rssMiB.values().stream().mapToLong(Long::longValue).max().orElse(-1);
    }

    String json() {
        var scenarios = Json.createArrayBuilder();
        for (ScenarioResult r : results) {
            JsonObjectBuilder scenario = Json.createObjectBuilder()
                    .add("name", r.name())
                    .add("seconds", round(r.seconds()))
                    .add("ok", r.ok())
                    .add("refused", r.refused())
                    .add("errors", r.errors())
                    .add("throughputPerSecond", round(r.throughput()))
                    .add("toPing", Math.round(toPing(r) * 1000) / 1000.0)
                    .add("meanMillis", round(r.meanMillis()))
                    .add("p50Millis", round(r.p50Millis()))
                    .add("p95Millis", round(r.p95Millis()))
                    .add("p99Millis", round(r.p99Millis()))
                    .add("maxMillis", round(r.maxMillis()));
            if (rssMiB.containsKey(r.name())) {
                scenario.add("serverPeakRssMiB", rssMiB.get(r.name()));
            }
            if (statements.containsKey(r.name())) {
                var perRequest = statements.get(r.name());
                scenario.add("sqlStatementsPerRequest", Json.createObjectBuilder()
                        .add("all", round(perRequest.all()))
                        .add("reads", round(perRequest.reads()))
                        .add("writes", round(perRequest.writes())));
            }
            Map<String, Double> cpu = cpuMicros.getOrDefault(r.name(), Map.of());
            if (!cpu.isEmpty()) {
                JsonObjectBuilder perProcess = Json.createObjectBuilder();
                cpu.forEach((process, micros) -> perProcess.add(process, round(micros)));
                scenario.add("cpuMicrosPerRequest", perProcess);
            }
            scenarios.add(scenario);
        }
        var document = Json.createObjectBuilder()
                .add("at", at.toString())
                .add("baseUrl", baseUrl)
                .add("connections", connections)
                .add("secondsPerScenario", seconds)
                .add("fleetRegistrations", registrations)
                .add("installations", installations)
                .add("machine", Json.createObjectBuilder()
                        .add("cpu", Machine.cpu())
                        .add("cores", Runtime.getRuntime().availableProcessors())
                        .add("os", System.getProperty("os.name") + " " + System.getProperty("os.version"))
                        .add("loadJava", System.getProperty("java.version")))
                .add("scenarios", scenarios)
                .add("activationOverAllocation", overAllocated)
                .add("serverPeakRssMiB", peakRss());
        StringWriter text = new StringWriter();
        JsonWriterFactory writers = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true));
        try (var writer = writers.createWriter(text)) {
            writer.writeObject(document.build());
        }
        return text + "\n";
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmark ").append(at).append("\n\n");
        md.append(String.format(Locale.ROOT, "Server %s, %d connections, %d s per scenario, fleet of %,d registrations; "
                + "%,d LicenseV2 installations; load generator on %s, %d cores.%n%n", baseUrl, connections, seconds,
                registrations, installations, Machine.cpu(),
                Runtime.getRuntime().availableProcessors()));
        md.append("| scenario | requests/s | × ping | p50 ms | p95 ms | p99 ms | max ms | ok | refused | errors | server RSS MiB"
                + " | SQL per request (reads / writes) | CPU µs per request (server / database / load generator) |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (ScenarioResult r : results) {
            var sql = statements.get(r.name());
            md.append(String.format(Locale.ROOT, "| %s | %.0f | %.3f | %.2f | %.2f | %.2f | %.1f | %d | %d | %d | %s | %s | %s |%n",
                    r.name(), r.throughput(), toPing(r), r.p50Millis(), r.p95Millis(), r.p99Millis(), r.maxMillis(), r.ok(),
                    r.refused(), r.errors(), rssMiB.containsKey(r.name()) ? rssMiB.get(r.name()).toString() : "–",
                    sql == null ? "–" : String.format(Locale.ROOT, "%.1f (%.1f / %.2f)", sql.all(), sql.reads(),
                            sql.writes()), cpuColumn(cpuMicros.getOrDefault(r.name(), Map.of()))));
        }
        md.append("\n| target | measured | holds |\n|---|---|---|\n");
        result("check").ifPresent(check -> target(md, "checks ≥ 0.35 × ping throughput (throttles on)",
                String.format(Locale.ROOT, "%.3f ×", toPing(check)), toPing(check) >= 0.35));
        result("entitlement").ifPresent(entitlement -> target(md, "entitlement polls ≥ 0.2 × ping throughput",
                String.format(Locale.ROOT, "%.3f ×", toPing(entitlement)), toPing(entitlement) >= 0.2));
        result("activation").ifPresent(activation -> target(md, "activations ≥ 0.12 × ping throughput",
                String.format(Locale.ROOT, "%.3f ×", toPing(activation)), toPing(activation) >= 0.12));
        results.stream().filter(r -> r.name().startsWith("check at ")).forEach(atRate -> target(md,
                "check p99 ≤ 20 ms, " + atRate.name().substring("check ".length()) + " over the same connections",
                String.format(Locale.ROOT, "%.2f ms", atRate.p99Millis()), atRate.p99Millis() <= 20));
        results.stream().filter(r -> r.name().startsWith("entitlement at ")).forEach(atRate -> target(md,
                "entitlement p99 ≤ 50 ms, " + atRate.name().substring("entitlement ".length())
                        + " over the same connections",
                String.format(Locale.ROOT, "%.2f ms", atRate.p99Millis()), atRate.p99Millis() <= 50));
        target(md, "0 errors (all scenarios)", Long.toString(results.stream().mapToLong(ScenarioResult::errors).sum()),
                results.stream().allMatch(r -> r.errors() == 0));
        target(md, "0 over-allocation", Long.toString(overAllocated), overAllocated == 0);
        if (peakRss() >= 0) {
            target(md, "server RSS ≤ 1 GiB", peakRss() + " MiB", peakRss() <= 1024);
        }
        if (!activationErrors.isEmpty()) {
            md.append("\nFirst activation errors:\n\n");
            activationErrors.forEach(error -> md.append("- `").append(error.replace('`', '\'')).append("`\n"));
        }
        return md.toString();
    }

    private static String cpuColumn(Map<String, Double> cpu) {
        return String.join(" / ", Stream.of("server", "database", "loadGenerator")
                .map(process -> cpu.containsKey(process) ? String.format(Locale.ROOT, "%.0f", cpu.get(process)) : "–")
                .toList());
    }

    private static void target(StringBuilder md, String target, String measured, boolean holds) {
        md.append("| ").append(target).append(" | ").append(measured).append(" | ").append(holds ? "yes" : "no")
                .append(" |\n");
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
