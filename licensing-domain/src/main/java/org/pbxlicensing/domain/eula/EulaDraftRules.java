package org.pbxlicensing.domain.eula;

import static org.pbxlicensing.domain.failure.FieldError.INVALID_FORMAT;
import static org.pbxlicensing.domain.failure.FieldError.REQUIRED;
import static org.pbxlicensing.domain.failure.FieldError.TOO_LONG;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.pbxlicensing.domain.failure.FieldError;
import org.pbxlicensing.domain.text.BidiControls;

/** What a draft must satisfy before it is published: a short version label and both languages. */
public final class EulaDraftRules {

    public static final int MAX_VERSION_LENGTH = 32;
    public static final int MAX_TITLE_LENGTH = 200;
    public static final int MAX_TEXT_LENGTH = 200_000;

    private static final Pattern VERSION = Pattern.compile("^[0-9A-Za-z][0-9A-Za-z._-]*$");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");
    /** Line breaks and tabs belong in a body; other control characters do not. */
    private static final Pattern CONTROL_IN_TEXT = Pattern.compile("[\\p{Cntrl}&&[^\\n\\r\\t]]");

    private EulaDraftRules() {
    }

    public static List<FieldError> violations(EulaDraft draft) {
        List<FieldError> errors = new ArrayList<>();
        String version = draft.version();
        if (version == null || version.isBlank()) {
            errors.add(new FieldError("version", REQUIRED));
        } else if (version.length() > MAX_VERSION_LENGTH) {
            errors.add(new FieldError("version", TOO_LONG));
        } else if (!VERSION.matcher(version).matches()) {
            errors.add(new FieldError("version", INVALID_FORMAT));
        }
        text(errors, "ru", draft.russian());
        text(errors, "en", draft.english());
        return errors;
    }

    private static void text(List<FieldError> errors, String language, EulaText text) {
        EulaText checked = text == null ? new EulaText(null, null) : text;
        field(errors, language + ".title", checked.title(), MAX_TITLE_LENGTH, CONTROL);
        field(errors, language + ".text", checked.text(), MAX_TEXT_LENGTH, CONTROL_IN_TEXT);
    }

    private static void field(List<FieldError> errors, String name, String value, int maxLength, Pattern forbidden) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(name, REQUIRED));
        } else if (value.codePointCount(0, value.length()) > maxLength) {
            errors.add(new FieldError(name, TOO_LONG));
        } else if (forbidden.matcher(value).find() || BidiControls.present(value)) {
            errors.add(new FieldError(name, INVALID_FORMAT));
        }
    }
}
