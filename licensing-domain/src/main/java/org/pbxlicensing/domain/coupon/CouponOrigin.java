package org.pbxlicensing.domain.coupon;

/** Where a batch of coupons came from. */
public enum CouponOrigin {
    /** An order of the online store; the batch's reference is the order id. */
    ORDER,
    /** Minted by the vendor's staff. */
    STAFF
}
