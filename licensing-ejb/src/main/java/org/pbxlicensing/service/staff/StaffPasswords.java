package org.pbxlicensing.service.staff;

import org.pbxlicensing.domain.failure.LicensingException;

/** The one rule every staff password follows, whoever sets it. */
final class StaffPasswords {

    static final int MIN_LENGTH = 10;

    private StaffPasswords() {
    }

    static void requireStrong(char[] password) {
        if (password == null || password.length < MIN_LENGTH) {
            throw LicensingException.invalid("password", "TOO_SHORT");
        }
    }
}
