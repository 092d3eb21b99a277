package org.pbxlicensing.service.store;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.pbxlicensing.domain.audit.Actor;
import org.pbxlicensing.domain.coupon.Coupon;
import org.pbxlicensing.domain.coupon.CouponBatch;
import org.pbxlicensing.service.coupon.CouponQueries;
import org.pbxlicensing.domain.coupon.CouponTerms;
import org.pbxlicensing.domain.failure.FieldError;
import org.pbxlicensing.domain.failure.LicensingException;
import org.pbxlicensing.infrastructure.time.ServerClock;
import org.pbxlicensing.service.audit.AuditLog;
import org.pbxlicensing.service.catalog.FeatureCatalog;
import org.pbxlicensing.service.coupon.CouponMinter;

/**
 * Mints the coupons of a paid order of the online store, once per order id: the order's batch row
 * is claimed by its unique (origin, reference) key, so a retried or concurrent order gets the
 * coupons of the first.
 */
@Stateless
public class StoreOrderService {

    @Inject
    CouponQueries coupons;

    @Inject
    FeatureCatalog catalog;

    @Inject
    CouponMinter minter;

    @Inject
    AuditLog audit;

    @Inject
    ServerClock clock;

    public record Order(String orderId, String email, List<CouponTerms> items) {
    }

    public List<Coupon> place(Order order, Actor store) {
        requireKnownFeatures(order.items());
        boolean claimed = coupons.addOrderBatchUnlessKnown(order.orderId(), order.email(), order.items().size(),
                clock.now());
        CouponBatch batch = coupons.batchOfOrder(order.orderId());
        if (!claimed) {
            return coupons.couponsOf(batch);
        }
        List<Coupon> coupons = minter.mint(batch, order.items(), 0);
        audit.record(store, "ORDER_MINTED", null, "order " + order.orderId(),
                coupons.size() + " coupon(s)" + (order.email() == null ? "" : " for " + order.email()));
        return coupons;
    }

    private void requireKnownFeatures(List<CouponTerms> items) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (catalog.find(items.get(i).feature()).isEmpty()) {
                errors.add(new FieldError("items[" + i + "].feature", FieldError.UNKNOWN_FEATURE));
            }
        }
        if (!errors.isEmpty()) {
            throw LicensingException.invalid(errors);
        }
    }
}
