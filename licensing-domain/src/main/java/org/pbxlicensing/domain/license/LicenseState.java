package org.pbxlicensing.domain.license;

import java.time.Instant;

/** Where a license stands at a moment, as its customer reads it: a revocation outranks the calendar. */
public enum LicenseState {
    /** Starts later (a term bought ahead). */
    NOT_STARTED,
    ACTIVE,
    /** Its end date has passed. */
    ENDED,
    /** Taken back by the vendor's staff. */
    REVOKED;

    public static LicenseState of(License license, Instant now) {
        if (license.revokedAt() != null && !now.isBefore(license.revokedAt())) {
            return REVOKED;
        }
        if (license.hasEndedAt(now)) {
            return ENDED;
        }
        return now.isBefore(license.startsAt()) ? NOT_STARTED : ACTIVE;
    }
}
