package org.pbxlicensing.service.coupon;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Staff batches that a stop of the server interrupted go on minting when it starts again. */
@Startup
@Singleton
@DependsOn("SchemaMigration")
public class UnfinishedBatches {

    @PersistenceContext(unitName = "licensing")
    EntityManager em;

    @Inject
    CouponBatchService batches;

    @PostConstruct
    void resume() {
        em.createQuery("""
                        select b.id from CouponBatch b
                        where b.origin = org.pbxlicensing.domain.coupon.CouponOrigin.STAFF and b.completedAt is null""",
                        Long.class)
                .getResultList()
                .forEach(batches::mintRemaining);
    }
}
