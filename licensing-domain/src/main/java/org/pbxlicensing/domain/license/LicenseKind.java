package org.pbxlicensing.domain.license;

public enum LicenseKind {
    /** Free, for a limited number of days, once per registration and feature and once per host. */
    TRIAL,
    /** Paid, without an end date. */
    PERPETUAL,
    /** Paid, for a number of months. */
    TERM;

    public boolean isPaid() {
        return this != TRIAL;
    }
}
