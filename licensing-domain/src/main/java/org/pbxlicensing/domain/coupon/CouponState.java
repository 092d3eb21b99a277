package org.pbxlicensing.domain.coupon;

public enum CouponState {
    /** Minted, waiting for its one activation. */
    ISSUED,
    /** Turned into a license on a registration; never again. */
    ACTIVATED,
    /** Withdrawn by staff before it was activated. */
    REVOKED
}
