package org.pbxlicensing.service.coupon;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

/** Staff batches that a stop of the server interrupted go on minting when it starts again. */
@Startup
@Singleton
@DependsOn("SchemaMigration")
public class UnfinishedBatches {

    @Inject
    CouponQueries queries;

    @Inject
    CouponBatchService batches;

    @PostConstruct
    void resume() {
        queries.unfinishedStaffBatchIds().forEach(batches::mintRemaining);
    }
}
