package org.pbxlicensing.service.coupon;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.Collections;
import org.pbxlicensing.domain.coupon.CouponBatch;

/** Mints one chunk of a staff batch per transaction; the batch row lock keeps two minters apart. */
@Stateless
public class CouponBatchChunks {

    static final int CHUNK = 500;

    @PersistenceContext(unitName = "licensing")
    EntityManager em;

    @Inject
    CouponMinter minter;

    /** @return whether coupons are left to mint after this chunk */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean mintNext(long batchId) {
        CouponBatch batch = em.find(CouponBatch.class, batchId, LockModeType.PESSIMISTIC_WRITE);
        int remaining = batch.requestedCount() - batch.mintedCount();
        if (remaining <= 0) {
            return false;
        }
        int count = Math.min(CHUNK, remaining);
        minter.mint(batch, Collections.nCopies(count, batch.terms()), batch.mintedCount());
        return remaining > count;
    }
}
