/** Coupons: one-time codes from the online store or staff that become paid licenses. */
package org.pbxlicensing.domain.coupon;
