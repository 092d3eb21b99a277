package org.pbxlicensing.domain.audit;

/** Who made a change: through which door it came. */
public enum ActorType {
    /** A PBX or script through the JSON API. */
    API,
    /** A customer in the portal. */
    PORTAL,
    /** A member of the vendor's staff in the admin area. */
    ADMIN,
    /** The online store. */
    STORE,
    /** The server itself (timers, expiry). */
    SYSTEM
}
