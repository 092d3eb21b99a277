package org.pbxlicensing.domain.failure;

import jakarta.ejb.ApplicationException;
import java.util.List;
import java.util.Map;

/**
 * A refusal by a business rule. It rolls back the transaction it happens in, so that nothing is
 * half-written, and reaches the client as an error answer with {@link #failure()} as its code.
 */
@ApplicationException(rollback = true)
public class LicensingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Failure failure;
    private final transient Map<String, Object> details;
    private final transient List<FieldError> fieldErrors;

    public LicensingException(Failure failure) {
        this(failure, Map.of(), List.of());
    }

    public LicensingException(Failure failure, Map<String, Object> details) {
        this(failure, details, List.of());
    }

    private LicensingException(Failure failure, Map<String, Object> details, List<FieldError> fieldErrors) {
        super(failure.name(), null, false, false);
        this.failure = failure;
        this.details = Map.copyOf(details);
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    public static LicensingException invalid(List<FieldError> fieldErrors) {
        return new LicensingException(Failure.VALIDATION_FAILED, Map.of(), fieldErrors);
    }

    public static LicensingException invalid(String field, String code) {
        return invalid(List.of(new FieldError(field, code)));
    }

    public Failure failure() {
        return failure;
    }

    /** Extra facts for the client, such as when a coupon was activated. */
    public Map<String, Object> details() {
        return details;
    }

    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }
}
