package org.pbxlicensing.domain.webhook;

/** Where a delivery stands. */
public enum DeliveryStatus {
    /** Not delivered yet: due now or after its back-off. */
    PENDING,
    /** An attempt was answered 2xx. */
    DELIVERED,
    /** Given up after the retry window. */
    FAILED
}
