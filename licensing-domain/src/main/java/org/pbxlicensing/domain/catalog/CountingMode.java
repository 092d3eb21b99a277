package org.pbxlicensing.domain.catalog;

/** What one seat of a feature's license stands for. */
public enum CountingMode {
    /** A seat is held by one host (a PBX installation). */
    PER_HOST,
    /** A seat is held by one live user session (for example a CRM panel user). */
    PER_SESSION
}
