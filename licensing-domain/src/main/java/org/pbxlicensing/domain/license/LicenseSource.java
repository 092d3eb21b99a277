package org.pbxlicensing.domain.license;

/** How a license came to be. */
public enum LicenseSource {
    /** The trial that comes with a new registration. */
    REGISTRATION,
    /** A trial started by the first activation of a feature. */
    ACTIVATION,
    /** A trial started by the first session captured of a per-session feature. */
    CAPTURE,
    /** A trial the customer started in the portal. */
    PORTAL,
    /** An activated coupon. */
    COUPON,
    /** Granted by the vendor's staff. */
    STAFF
}
