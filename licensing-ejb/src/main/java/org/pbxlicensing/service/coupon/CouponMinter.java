package org.pbxlicensing.service.coupon;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.pbxlicensing.domain.coupon.Coupon;
import org.pbxlicensing.domain.coupon.CouponBatch;
import org.pbxlicensing.domain.coupon.CouponCodeFormat;
import org.pbxlicensing.domain.coupon.CouponTerms;
import org.pbxlicensing.infrastructure.time.ServerClock;

/** Mints coupons with random codes into a batch, in the caller's transaction. */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class CouponMinter {

    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "licensing")
    EntityManager em;

    @Inject
    ServerClock clock;

    @Inject
    @ConfigProperty(name = "licensing.coupon.prefix", defaultValue = "MIKOUPD")
    String prefix;

    /** One coupon per item, at positions {@code firstPosition}, {@code firstPosition + 1}, … of the batch. */
    public List<Coupon> mint(CouponBatch batch, List<CouponTerms> items, int firstPosition) {
        var format = new CouponCodeFormat(prefix);
        var now = clock.now();
        List<Coupon> coupons = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            var coupon = new Coupon(format.generate(RANDOM), batch, firstPosition + i, items.get(i), now);
            em.persist(coupon);
            coupons.add(coupon);
        }
        batch.minted(items.size(), now);
        return coupons;
    }

    public CouponCodeFormat format() {
        return new CouponCodeFormat(prefix);
    }
}
