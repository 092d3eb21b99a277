package org.pbxlicensing.domain.coupon;

import java.util.ArrayList;
import java.util.List;
import org.pbxlicensing.domain.failure.FieldError;

/** What a coupon grants: seats of a feature, forever or for a number of months from activation. */
public record CouponTerms(int feature, int seats, Integer termMonths) {

    public static final int MAX_SEATS = 10_000;
    public static final int MAX_TERM_MONTHS = 120;

    public boolean isPerpetual() {
        return termMonths == null;
    }

    /** Violations of the seat and term limits, named under {@code prefix}. */
    public static List<FieldError> violations(Integer seats, Integer termMonths, String prefix) {
        List<FieldError> errors = new ArrayList<>();
        if (seats == null) {
            errors.add(new FieldError(prefix + "seats", FieldError.REQUIRED));
        } else if (seats < 1 || seats > MAX_SEATS) {
            errors.add(new FieldError(prefix + "seats", FieldError.OUT_OF_RANGE));
        }
        if (termMonths != null && (termMonths < 1 || termMonths > MAX_TERM_MONTHS)) {
            errors.add(new FieldError(prefix + "termMonths", FieldError.OUT_OF_RANGE));
        }
        return errors;
    }
}
