package org.pbxlicensing.service.admin;

import org.pbxlicensing.domain.coupon.Coupon;
import org.pbxlicensing.domain.registration.Registration;

/** A coupon found by part of its code, with the registration that activated it, if any. */
public record CouponMatch(Coupon coupon, Registration registration) {
}
