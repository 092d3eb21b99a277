package org.pbxlicensing.service.licensev2;

/** What recording a request of an installation found. */
public enum InstallationClaim {
    /** A new request: answer it. */
    ACCEPTED,
    /** Its seq is not above the highest seen: answer {@code 409 replay}. */
    REPLAY,
    /** Its binding was reset since its last answer: answer a signed refusal, this once. */
    RESET_PENDING,
    /** The installation has no row yet: create it, then claim again. */
    UNKNOWN
}
