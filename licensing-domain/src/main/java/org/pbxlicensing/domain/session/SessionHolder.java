package org.pbxlicensing.domain.session;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.pbxlicensing.domain.binding.HostDetails;
import org.pbxlicensing.domain.failure.FieldError;
import org.pbxlicensing.domain.text.BidiControls;

/**
 * Who holds a session, as its client tells it: the host it runs on, the user and the process.
 * Every part is optional; a host given here counts for the one-trial-per-host rule.
 */
public record SessionHolder(String host, String user, String process) {

    public static final int MAX_TEXT_LENGTH = 255;

    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    /** Violations, with field names under {@code prefix} (e.g. {@code holder.}). */
    public static List<FieldError> violations(SessionHolder holder, String prefix) {
        List<FieldError> errors = new ArrayList<>();
        if (holder.host() != null) {
            HostDetails.idViolation(holder.host(), prefix + "host").ifPresent(errors::add);
        }
        text(errors, prefix + "user", holder.user());
        text(errors, prefix + "process", holder.process());
        return errors;
    }

    /** For the audit trail: the parts that were given, e.g. {@code host pbx-1, user ivan}. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (host != null) {
            parts.add("host " + host);
        }
        if (user != null) {
            parts.add("user " + user);
        }
        if (process != null) {
            parts.add("process " + process);
        }
        return parts.isEmpty() ? "unnamed" : String.join(", ", parts);
    }

    private static void text(List<FieldError> errors, String field, String value) {
        if (value == null) {
            return;
        }
        if (value.codePointCount(0, value.length()) > MAX_TEXT_LENGTH) {
            errors.add(new FieldError(field, FieldError.TOO_LONG));
        } else if (CONTROL.matcher(value).find() || BidiControls.present(value)) {
            errors.add(new FieldError(field, FieldError.INVALID_FORMAT));
        }
    }
}
