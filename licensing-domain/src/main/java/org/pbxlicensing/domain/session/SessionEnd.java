package org.pbxlicensing.domain.session;

/** How a session ended. */
public enum SessionEnd {
    /** Its client released it. */
    RELEASED,
    /** It missed its heartbeat for longer than its time to live. */
    EXPIRED,
    /** A member of the vendor's staff dropped it. */
    DROPPED
}
