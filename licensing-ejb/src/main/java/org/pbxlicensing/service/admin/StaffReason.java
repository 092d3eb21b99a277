package org.pbxlicensing.service.admin;

import org.pbxlicensing.domain.failure.FieldError;
import org.pbxlicensing.domain.failure.LicensingException;

/**
 * The reason a member of staff gives for an audited change: required, at most 200 characters, and
 * written to the audit log as typed (stripped), so that a later reader knows why.
 */
public final class StaffReason {

    static final int MAX_LENGTH = 200;

    private StaffReason() {
    }

    public static String require(String reason) {
        if (reason == null || reason.isBlank()) {
            throw LicensingException.invalid("reason", FieldError.REQUIRED);
        }
        if (reason.length() > MAX_LENGTH) {
            throw LicensingException.invalid("reason", FieldError.TOO_LONG);
        }
        return reason.strip();
    }
}
