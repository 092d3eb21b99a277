package org.pbxlicensing.infrastructure.metrics;

import java.util.Locale;

/** The business operations counted per outcome, each with the meter that counts it. */
public enum CountedOperation {
    CHECK("licensing.checks", "protocol", "api"),
    LICENSEV2_CHECK("licensing.checks", "protocol", "licensev2"),
    ACTIVATION("licensing.activations", null, null),
    COUPON_ACTIVATION("licensing.coupon.activations", null, null),
    SESSION_CAPTURE("licensing.session.captures", null, null);

    private final String meter;
    private final String tagKey;
    private final String tagValue;

    CountedOperation(String meter, String tagKey, String tagValue) {
        this.meter = meter;
        this.tagKey = tagKey;
        this.tagValue = tagValue;
    }

    /** A license check of either protocol, which the dashboard counts as a poll. */
    public boolean isPoll() {
        return this == CHECK || this == LICENSEV2_CHECK;
    }

    public String meter() {
        return meter;
    }

    /** The tag that tells operations sharing a meter apart, as key and value; empty if none. */
    public String[] tag() {
        return tagKey == null ? new String[0] : new String[] {tagKey, tagValue};
    }

    /** The value of {@code operation} on {@code licensing.seats.exhausted}. */
    public String seatOperation() {
        return name().toLowerCase(Locale.ROOT);
    }
}
