package org.pbxlicensing.service.coupon;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.pbxlicensing.domain.binding.HostBinding;
import org.pbxlicensing.domain.coupon.Coupon;
import org.pbxlicensing.domain.coupon.CouponBatch;
import org.pbxlicensing.domain.coupon.CouponCode;
import org.pbxlicensing.domain.coupon.CouponOrigin;
import org.pbxlicensing.domain.coupon.CouponState;

/** The statements on coupons and their batches, for the store, the customers and the staff. */
@ApplicationScoped
public class CouponQueries {

    @PersistenceContext(unitName = "licensing")
    EntityManager em;

    public Optional<Coupon> couponByCode(CouponCode code) {
        return em.createQuery("select c from Coupon c where c.code = :code", Coupon.class)
                .setParameter("code", code)
                .getResultStream()
                .findFirst();
    }

    /**
     * Takes an issued coupon for the registration: of any number of concurrent takers exactly one
     * changes the row.
     *
     * @return whether this caller took it
     */
    public boolean takeIssued(long couponId, long registrationId, Instant now, String client) {
        return em.createNativeQuery("""
                        UPDATE coupon SET state = 'ACTIVATED', activated_registration_id = ?1, activated_at = ?2,
                        activated_client = ?3 WHERE id = ?4 AND state = 'ISSUED'""")
                .setParameter(1, registrationId)
                .setParameter(2, now)
                .setParameter(3, client)
                .setParameter(4, couponId)
                .executeUpdate() == 1;
    }

    public void linkLicense(long couponId, long licenseId) {
        em.createNativeQuery("UPDATE coupon SET license_id = ?1 WHERE id = ?2")
                .setParameter(1, licenseId)
                .setParameter(2, couponId)
                .executeUpdate();
    }

    /** @return whether the coupon was still issued and is revoked now */
    public boolean revokeIssued(long couponId, Instant now, String staff, String reason) {
        return em.createNativeQuery("""
                        UPDATE coupon SET state = 'REVOKED', revoked_at = ?1, revoked_by = ?2, revoke_reason = ?3
                        WHERE id = ?4 AND state = 'ISSUED'""")
                .setParameter(1, now)
                .setParameter(2, staff)
                .setParameter(3, reason)
                .setParameter(4, couponId)
                .executeUpdate() == 1;
    }

    /** The registration's active bindings of the feature on a trial license, most recently seen first. */
    public List<HostBinding> trialBindingsOf(long registrationId, int featureNumber) {
        return em.createQuery("""
                        select b from HostBinding b
                        where b.registrationId = :registration and b.featureNumber = :feature
                        and b.releasedAt is null and b.license.kind = org.pbxlicensing.domain.license.LicenseKind.TRIAL
                        order by b.lastSeenAt desc""", HostBinding.class)
                .setParameter("registration", registrationId)
                .setParameter("feature", featureNumber)
                .getResultList();
    }

    public List<Coupon> couponsActivatedBy(long registrationId, int limit) {
        return em.createQuery("select c from Coupon c where c.activatedRegistrationId = :id order by c.id",
                        Coupon.class)
                .setParameter("id", registrationId).setMaxResults(limit).getResultList();
    }

    /** Coupons in the state and of the batch (either null for any), in the order they were minted. */
    public List<Coupon> couponsFiltered(CouponState state, Long batchId, int offset, int limit) {
        return em.createQuery("""
                        select c from Coupon c join fetch c.batch
                        where (:state is null or c.state = :state) and (:batch is null or c.batch.id = :batch)
                        order by c.id""", Coupon.class)
                .setParameter("state", state)
                .setParameter("batch", batchId)
                .setFirstResult(offset)
                .setMaxResults(limit)
                .getResultList();
    }

    public long countFiltered(CouponState state, Long batchId) {
        return em.createQuery("""
                        select count(c) from Coupon c
                        where (:state is null or c.state = :state) and (:batch is null or c.batch.id = :batch)""",
                        Long.class)
                .setParameter("state", state)
                .setParameter("batch", batchId)
                .getSingleResult();
    }

    public List<Coupon> couponsOf(CouponBatch batch) {
        return em.createQuery("select c from Coupon c where c.batch = :batch order by c.position", Coupon.class)
                .setParameter("batch", batch)
                .getResultList();
    }

    public List<CouponBatch> recentBatches(int limit) {
        return em.createQuery("select b from CouponBatch b order by b.id desc", CouponBatch.class)
                .setMaxResults(limit).getResultList();
    }

    /** Staff batches whose minting has not finished. */
    public List<Long> unfinishedStaffBatchIds() {
        return em.createQuery("""
                        select b.id from CouponBatch b
                        where b.origin = org.pbxlicensing.domain.coupon.CouponOrigin.STAFF and b.completedAt is null""",
                        Long.class)
                .getResultList();
    }

    /**
     * Claims the batch of a store order by its unique (origin, reference) key.
     *
     * @return whether this caller added it; false when the order was placed before
     */
    public boolean addOrderBatchUnlessKnown(String orderId, String email, int requestedCount, Instant now) {
        return em.createNativeQuery("""
                        INSERT IGNORE INTO coupon_batch (origin, reference, email, requested_count, minted_count,
                        created_by, created_at) VALUES ('ORDER', ?1, ?2, ?3, 0, 'store', ?4)""")
                .setParameter(1, orderId)
                .setParameter(2, email)
                .setParameter(3, requestedCount)
                .setParameter(4, now)
                .executeUpdate() == 1;
    }

    public CouponBatch batchOfOrder(String orderId) {
        return em.createQuery(
                        "select b from CouponBatch b where b.origin = :origin and b.reference = :reference",
                        CouponBatch.class)
                .setParameter("origin", CouponOrigin.ORDER)
                .setParameter("reference", orderId)
                .getSingleResult();
    }
}
