package org.pbxlicensing.domain.registration;

import static org.pbxlicensing.domain.failure.FieldError.CONSENT_REQUIRED;
import static org.pbxlicensing.domain.failure.FieldError.INVALID_FORMAT;
import static org.pbxlicensing.domain.failure.FieldError.REQUIRED;
import static org.pbxlicensing.domain.failure.FieldError.TOO_LONG;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.pbxlicensing.domain.failure.FieldError;
import org.pbxlicensing.domain.text.BidiControls;

/** Field by field, what a registration form must satisfy. */
public final class RegistrationFormRules {

    public static final int MAX_NAME_LENGTH = 200;
    public static final int MAX_EMAIL_LENGTH = 254;
    public static final int MAX_PHONE_LENGTH = 40;
    public static final int MAX_TAX_ID_LENGTH = 40;
    public static final int MAX_PLACE_LENGTH = 100;

    private static final Pattern EMAIL = Pattern.compile(
            "^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\\.[A-Za-z]{2,63}$");
    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9][0-9 ()\\-]{3,38}[0-9]$");
    private static final Pattern TAX_ID = Pattern.compile("^[0-9A-Za-z][0-9A-Za-z \\-/]*$");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    private RegistrationFormRules() {
    }

    public static List<FieldError> violations(RegistrationForm form) {
        List<FieldError> errors = new ArrayList<>();
        text(errors, "company", form.company(), true, MAX_NAME_LENGTH);
        text(errors, "contactPerson", form.contactPerson(), true, MAX_NAME_LENGTH);
        emailViolation("email", form.email()).ifPresent(errors::add);
        if (text(errors, "phone", form.phone(), false, MAX_PHONE_LENGTH) && form.phone() != null
                && !PHONE.matcher(form.phone()).matches()) {
            errors.add(new FieldError("phone", INVALID_FORMAT));
        }
        if (text(errors, "taxId", form.taxId(), false, MAX_TAX_ID_LENGTH) && form.taxId() != null
                && !TAX_ID.matcher(form.taxId()).matches()) {
            errors.add(new FieldError("taxId", INVALID_FORMAT));
        }
        text(errors, "country", form.country(), false, MAX_PLACE_LENGTH);
        text(errors, "city", form.city(), false, MAX_PLACE_LENGTH);
        if (!form.consent()) {
            errors.add(new FieldError("consent", CONSENT_REQUIRED));
        }
        return errors;
    }

    public static boolean isValidEmail(String email) {
        return email.length() <= MAX_EMAIL_LENGTH && EMAIL.matcher(email).matches();
    }

    /** The form's email rule, for every request that names the email of a registration. */
    public static Optional<FieldError> emailViolation(String field, String email) {
        List<FieldError> errors = new ArrayList<>();
        if (text(errors, field, email, true, MAX_EMAIL_LENGTH) && !EMAIL.matcher(email).matches()) {
            errors.add(new FieldError(field, INVALID_FORMAT));
        }
        return errors.stream().findFirst();
    }

    /** @return whether the value passed the generic checks, so that a format check makes sense */
    private static boolean text(List<FieldError> errors, String field, String value, boolean required, int maxLength) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(new FieldError(field, REQUIRED));
                return false;
            }
            return true;
        }
        if (value.codePointCount(0, value.length()) > maxLength) {
            errors.add(new FieldError(field, TOO_LONG));
            return false;
        }
        if (CONTROL.matcher(value).find() || BidiControls.present(value)) {
            errors.add(new FieldError(field, INVALID_FORMAT));
            return false;
        }
        return true;
    }
}
