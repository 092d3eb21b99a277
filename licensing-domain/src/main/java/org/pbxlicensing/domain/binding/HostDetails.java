package org.pbxlicensing.domain.binding;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.pbxlicensing.domain.failure.FieldError;
import org.pbxlicensing.domain.text.BidiControls;

/** What a PBX tells about its host when it activates: its id, and facts for the info button. */
public record HostDetails(String id, String name, String os, String productVersion) {

    public static final int MAX_ID_LENGTH = 128;
    public static final int MAX_TEXT_LENGTH = 255;
    public static final int MAX_VERSION_LENGTH = 64;

    private static final Pattern HOST_ID = Pattern.compile("^[\\x21-\\x7E]{1," + MAX_ID_LENGTH + "}$");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    /** Violations, with field names under {@code prefix} (e.g. {@code host.}). */
    public static List<FieldError> violations(HostDetails host, String prefix) {
        List<FieldError> errors = new ArrayList<>();
        if (host.id() == null) {
            errors.add(new FieldError(prefix + "id", FieldError.REQUIRED));
        } else {
            idViolation(host.id(), prefix + "id").ifPresent(errors::add);
        }
        text(errors, prefix + "name", host.name(), MAX_TEXT_LENGTH);
        text(errors, prefix + "os", host.os(), MAX_TEXT_LENGTH);
        text(errors, prefix + "productVersion", host.productVersion(), MAX_VERSION_LENGTH);
        return errors;
    }

    /** Host ids are printable ASCII without spaces, at most {@value #MAX_ID_LENGTH} characters. */
    public static java.util.Optional<FieldError> idViolation(String hostId, String field) {
        if (hostId.length() > MAX_ID_LENGTH) {
            return java.util.Optional.of(new FieldError(field, FieldError.TOO_LONG));
        }
        if (!HOST_ID.matcher(hostId).matches()) {
            return java.util.Optional.of(new FieldError(field, FieldError.INVALID_FORMAT));
        }
        return java.util.Optional.empty();
    }

    private static void text(List<FieldError> errors, String field, String value, int maxLength) {
        if (value == null) {
            return;
        }
        if (value.codePointCount(0, value.length()) > maxLength) {
            errors.add(new FieldError(field, FieldError.TOO_LONG));
        } else if (CONTROL.matcher(value).find() || BidiControls.present(value)) {
            errors.add(new FieldError(field, FieldError.INVALID_FORMAT));
        }
    }
}
