package org.pbxlicensing.domain.code;

/**
 * Input that is not a valid code of the expected kind. The message never repeats the input: it may be a
 * credential with a typo in it.
 */
public final class InvalidCodeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public enum Reason {
        /** Null, empty or only whitespace. */
        BLANK("no code given"),
        /** Does not start with the expected prefix, e.g. a coupon offered as a registration number. */
        WRONG_PREFIX("wrong prefix"),
        /** After the prefix there are not exactly 20 symbols. */
        WRONG_LENGTH("wrong number of symbols"),
        /** A character outside the Crockford base32 alphabet, such as U. */
        INVALID_SYMBOL("invalid symbol"),
        /** Well-formed, but the check symbol does not match: most likely a typo. */
        BAD_CHECK_SYMBOL("check symbol does not match");

        private final String description;

        Reason(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    private final Reason reason;
    private final String expectedPrefix;

    public InvalidCodeException(Reason reason, String expectedPrefix) {
        super("Invalid %s code: %s".formatted(expectedPrefix, reason.description()));
        this.reason = reason;
        this.expectedPrefix = expectedPrefix;
    }

    public Reason reason() {
        return reason;
    }

    public String expectedPrefix() {
        return expectedPrefix;
    }
}
