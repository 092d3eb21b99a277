package org.pbxlicensing.service.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTML part of a mail, made from its plain text so that both parts always say the same: paragraphs
 * stay paragraphs, the indented lines that set a number or a link apart become a highlighted block, and
 * web addresses become links. Every character of the text is escaped, so nothing a customer typed (a
 * company name, a contact person) can become markup.
 */
final class MailHtml {

    private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"']+");
    private static final String INDENT = "    ";

    private MailHtml() {
    }

    static String of(String subject, String text, String language) {
        StringBuilder html = new StringBuilder()
                .append("<!DOCTYPE html>\n<html lang=\"").append(escape(language)).append("\">\n<head>\n")
                .append("<meta charset=\"UTF-8\">\n<meta name=\"viewport\" content=\"width=device-width\">\n")
                .append("<title>").append(escape(subject)).append("</title>\n</head>\n")
                .append("<body style=\"margin:0;padding:24px;background:#f4f6f8;font-family:Arial,Helvetica,sans-serif;")
                .append("font-size:15px;line-height:1.5;color:#1f2933\">\n")
                .append("<div style=\"max-width:600px;margin:0 auto;background:#ffffff;padding:24px;")
                .append("border-radius:6px\">\n");
        for (List<String> paragraph : paragraphs(text)) {
            html.append(paragraph.stream().allMatch(line -> line.startsWith(INDENT))
                    ? highlighted(paragraph) : plain(paragraph));
        }
        return html.append("</div>\n</body>\n</html>\n").toString();
    }

    private static List<List<String>> paragraphs(String text) {
        List<List<String>> paragraphs = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            if (line.isBlank()) {
                if (!current.isEmpty()) {
                    paragraphs.add(current);
                    current = new ArrayList<>();
                }
            } else {
                current.add(line);
            }
        }
        if (!current.isEmpty()) {
            paragraphs.add(current);
        }
        return paragraphs;
    }

    private static String plain(List<String> lines) {
        List<String> html = lines.stream().map(MailHtml::withLinks).toList();
        return "<p style=\"margin:0 0 16px\">" + String.join("<br>\n", html) + "</p>\n";
    }

    private static String highlighted(List<String> lines) {
        List<String> html = lines.stream().map(line -> withLinks(line.strip())).toList();
        return "<p style=\"margin:0 0 16px;padding:12px 16px;background:#eef2f7;border-radius:4px;"
                + "font-family:Consolas,Menlo,monospace;font-size:16px\">" + String.join("<br>\n", html) + "</p>\n";
    }

    /** Escapes the line, with each web address in it made a link to itself. */
    private static String withLinks(String line) {
        StringBuilder html = new StringBuilder();
        Matcher link = LINK.matcher(line);
        int start = 0;
        while (link.find()) {
            html.append(escape(line.substring(start, link.start())));
            String address = escape(link.group());
            html.append("<a href=\"").append(address).append("\" style=\"color:#0b5cad\">").append(address)
                    .append("</a>");
            start = link.end();
        }
        return html.append(escape(line.substring(start))).toString();
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
