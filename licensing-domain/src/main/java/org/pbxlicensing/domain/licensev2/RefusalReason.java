package org.pbxlicensing.domain.licensev2;

/**
 * Decisions about one installation that switch all its features off at once. Never a server
 * problem, and never a shortage of seats: those leave a feature out of a token instead.
 */
public enum RefusalReason {
    REGISTRATION_NOT_FOUND(1, "Registration number not found"),
    BINDING_RESET(2, "The binding of this installation was reset; it binds again while a seat is free");

    private final int intcode;
    private final String error;

    RefusalReason(int intcode, String error) {
        this.intcode = intcode;
        this.error = error;
    }

    public int intcode() {
        return intcode;
    }

    public String error() {
        return error;
    }
}
