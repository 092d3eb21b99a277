package org.pbxlicensing.web.text;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An audit entry's subject and details in the reader's language. The trail keeps them as the services
 * wrote them, in fixed English phrases ({@code host h-1}, {@code feature 33, license 7 (TERM), reason: …})
 * and codes ({@code PERPETUAL}, {@code SUPPORT}, {@code WELCOME}); each known phrase is read from the shared
 * audit texts, while what staff or customers typed (a reason, a company, a host name) stays as it is.
 * A phrase not known here is shown as stored.
 */
@Named
@ApplicationScoped
public class AuditWords {

    private static final String REASON = "reason: ";
    private static final Pattern LABELLED_SUBJECT = Pattern.compile(
            "(webhook endpoint|webhook delivery|staff|host|license|coupon|batch|order|export|session|feature|registration) (.+)",
            Pattern.DOTALL);
    private static final Pattern REGISTERED = Pattern.compile("company (.*), email (\\S*)", Pattern.DOTALL);
    private static final Pattern FEATURE_CHANGE = Pattern.compile("('.*'), (PER_\\w+), trial (\\d+) day\\(s\\) (\\d+) seat\\(s\\), "
            + "silent hosts released (never|after (\\d+) day\\(s\\))", Pattern.DOTALL);

    /** The phrases of a details text, each with the key of its text in the audit texts. */
    private static final List<Phrase> PHRASES = List.of(
            new Phrase("feature (\\d+)", "feature"),
            new Phrase("license (\\d+)", "license"),
            new Phrase("license (\\d+) \\((\\w+)\\)", "licenseOfKind"),
            new Phrase("license (\\d+): (\\w+)", "licenseOfKind"),
            new Phrase("(\\d+) seat\\(s\\)", "seats"),
            new Phrase("(\\d+) seat\\(s\\) until (\\S+)", "seatsUntil"),
            new Phrase("role (\\w+) -> (\\w+)", "roleChange"),
            new Phrase("role (\\w+)", "role"),
            new Phrase("first admin", "firstAdmin"),
            new Phrase("rows (\\d+)", "rows"),
            new Phrase("version (.+)", "version"),
            new Phrase("holder (.+)", "holder"),
            new Phrase("host silent for (\\d+) days", "silentFor"),
            new Phrase("host (.+)", "host"),
            new Phrase("user (.+)", "user"),
            new Phrase("process (.+)", "process"),
            new Phrase("last seen (\\S+)", "lastSeen"),
            new Phrase("ends at (\\S+)", "endsAt"),
            new Phrase("events all", "eventsAll"),
            new Phrase("events (.+)", "events"),
            new Phrase("(\\d+) coupon\\(s\\) of feature (\\d+)", "couponsOfFeature"),
            new Phrase("(\\d+) coupon\\(s\\)", "coupons"),
            new Phrase("(\\d+) coupon\\(s\\) for (\\S+)", "couponsFor"),
            new Phrase("perpetual", "perpetual"),
            new Phrase("(\\d+) month\\(s\\)", "months"),
            new Phrase("(\\w+)", "code"));

    /** Why a host binding was released, in the phrases the services write; a reason staff typed is none of them. */
    private static final List<Phrase> RELEASES = List.of(
            new Phrase("host silent for (\\d+) days", "silentFor"),
            new Phrase("license ended", "licenseEnded"),
            new Phrase("license revoked", "licenseRevoked"),
            new Phrase("released by the customer in the portal", "releasedInPortal"),
            new Phrase("released through the API", "releasedThroughApi"));

    public String subject(String subject) {
        return subjectText(subject, PageLanguage.current());
    }

    public String details(String details) {
        return detailsText(details, PageLanguage.current());
    }

    public String releaseReason(String reason) {
        return releaseReasonText(reason, PageLanguage.current());
    }

    /** A binding's release reason: the server's own phrases in the language, a reason staff typed as typed. */
    public static String releaseReasonText(String reason, Locale language) {
        if (reason == null) {
            return "";
        }
        for (Phrase phrase : RELEASES) {
            Matcher matcher = phrase.pattern().matcher(reason);
            if (matcher.matches()) {
                Object[] values = new Object[matcher.groupCount()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = matcher.group(i + 1);
                }
                return format("details." + phrase.key(), language, values);
            }
        }
        return reason;
    }

    /** A subject such as {@code staff ivan} or {@code host h-1}: its label in the language, the name as stored. */
    public static String subjectText(String subject, Locale language) {
        if (subject == null) {
            return "";
        }
        Matcher labelled = LABELLED_SUBJECT.matcher(subject);
        if (labelled.matches()) {
            return text("subject." + labelled.group(1).replace(' ', '.'), language) + " " + labelled.group(2);
        }
        return "portal".equals(subject) ? text("subject.portal", language) : subject;
    }

    /** Details: the known phrases in the language, then the reason as typed. */
    public static String detailsText(String details, Locale language) {
        if (details == null || details.isBlank()) {
            return "";
        }
        int reasonAt = reasonStart(details);
        String head = reasonAt < 0 ? details : details.substring(0, reasonAt);
        String reason = reasonAt < 0 ? null : details.substring(reasonAt + REASON.length());
        List<String> parts = new ArrayList<>();
        String phrases = head.endsWith(", ") ? head.substring(0, head.length() - 2) : head;
        if (!phrases.isEmpty()) {
            parts.add(phrasesText(phrases, language));
        }
        if (reason != null) {
            parts.add(MessageFormat.format(text("details.reason", language), reason));
        }
        return String.join(", ", parts);
    }

    private static int reasonStart(String details) {
        if (details.startsWith(REASON)) {
            return 0;
        }
        int at = details.indexOf(", " + REASON);
        return at < 0 ? -1 : at + 2;
    }

    private static String phrasesText(String phrases, Locale language) {
        Matcher registered = REGISTERED.matcher(phrases);
        if (registered.matches()) {
            return format("details.registered", language, registered.group(1), registered.group(2));
        }
        int change = phrases.indexOf(" -> '");
        if (phrases.startsWith("'") && change > 0) {
            return featureText(phrases.substring(0, change), language) + " → "
                    + featureText(phrases.substring(change + 4), language);
        }
        if (phrases.startsWith("'")) {
            return featureText(phrases, language);
        }
        List<String> parts = new ArrayList<>();
        for (String part : phrases.split(", ", -1)) {
            parts.add(phraseText(part, language));
        }
        return String.join(", ", parts);
    }

    private static String featureText(String described, Locale language) {
        Matcher feature = FEATURE_CHANGE.matcher(described);
        if (!feature.matches()) {
            return described;
        }
        String release = feature.group(6) == null ? text("details.releasedNever", language)
                : format("details.releasedAfter", language, feature.group(6));
        return format("details.featureDescribed", language, feature.group(1), word(feature.group(2), language),
                feature.group(3), feature.group(4), release);
    }

    private static String phraseText(String part, Locale language) {
        for (Phrase phrase : PHRASES) {
            Matcher matcher = phrase.pattern().matcher(part);
            if (!matcher.matches()) {
                continue;
            }
            if ("code".equals(phrase.key())) {
                return word(part, language);
            }
            Object[] values = new Object[matcher.groupCount()];
            for (int i = 0; i < values.length; i++) {
                // A holder is described by phrases of its own: "holder host pbx-1".
                values[i] = "holder".equals(phrase.key()) ? phraseText(matcher.group(i + 1), language)
                        : word(matcher.group(i + 1), language);
            }
            return format("details." + phrase.key(), language, values);
        }
        return part;
    }

    /** A code the trail keeps (a license kind, a role, a mail) in words; anything else as it is. */
    private static String word(String value, Locale language) {
        if (value == null || !value.matches("[A-Z][A-Z_]+")) {
            return value;
        }
        ResourceBundle texts = AuditActions.bundle(language);
        return texts.containsKey("word." + value) ? texts.getString("word." + value) : value;
    }

    private static String format(String key, Locale language, Object... values) {
        Object[] texts = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            texts[i] = String.valueOf(values[i]);
        }
        return new MessageFormat(text(key, language), language).format(texts);
    }

    private static String text(String key, Locale language) {
        return AuditActions.bundle(language).getString(key);
    }

    private record Phrase(Pattern pattern, String key) {
        Phrase(String regex, String key) {
            this(Pattern.compile(regex, Pattern.DOTALL), key);
        }
    }
}
