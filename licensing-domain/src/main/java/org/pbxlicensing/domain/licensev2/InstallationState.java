package org.pbxlicensing.domain.licensev2;

public enum InstallationState {
    /** Answered with tokens. */
    ACTIVE,
    /** Its binding was reset: its next request gets a signed refusal, then it may bind again. */
    RESET
}
