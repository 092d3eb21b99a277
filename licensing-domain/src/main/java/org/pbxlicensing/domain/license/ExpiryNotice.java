package org.pbxlicensing.domain.license;

/** What a customer is told of a trial or term license's end, each at most once per license. */
public enum ExpiryNotice {
    /** The license ends within the reminder's days: how to keep the feature. */
    REMINDER,
    /** The license has ended. */
    END
}
