package org.pbxlicensing.service.coupon;

import jakarta.annotation.Resource;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.Writer;
import java.util.List;
import java.util.logging.Logger;
import org.pbxlicensing.domain.audit.Actor;
import org.pbxlicensing.domain.coupon.Coupon;
import org.pbxlicensing.domain.coupon.CouponBatch;
import org.pbxlicensing.domain.coupon.CouponCsv;
import org.pbxlicensing.domain.coupon.CouponState;
import org.pbxlicensing.domain.coupon.CouponTerms;
import org.pbxlicensing.domain.failure.FieldError;
import org.pbxlicensing.domain.failure.LicensingException;
import org.pbxlicensing.infrastructure.time.ServerClock;
import org.pbxlicensing.service.audit.AuditLog;
import org.pbxlicensing.service.catalog.FeatureCatalog;

/**
 * Staff batches of coupons: minted in the background chunk by chunk, each chunk a transaction of
 * its own, so a page can show the progress and a batch interrupted by a restart goes on where it
 * stopped (see {@link UnfinishedBatches}).
 */
@Stateless
public class CouponBatchService {

    public static final int MAX_BATCH = 10_000;
    private static final Logger LOG = Logger.getLogger(CouponBatchService.class.getName());

    @PersistenceContext(unitName = "licensing")
    EntityManager em;

    @Inject
    CouponQueries queries;

    @Inject
    FeatureCatalog catalog;

    @Inject
    CouponBatchChunks chunks;

    @Inject
    AuditLog audit;

    @Inject
    ServerClock clock;

    @Resource
    SessionContext context;

    public record Progress(long batchId, int minted, int requested, boolean complete) {
    }

    /** Records the batch and has it minted in the background; answers the batch id at once. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public long mint(CouponTerms terms, int count, String note, Actor staff) {
        var self = context.getBusinessObject(CouponBatchService.class);
        long batchId = self.record(terms, count, note, staff);
        self.mintRemaining(batchId);
        return batchId;
    }

    /** The batch, committed before any of its coupons is minted. */
    public long record(CouponTerms terms, int count, String note, Actor staff) {
        if (catalog.find(terms.feature()).isEmpty()) {
            throw LicensingException.invalid("feature", FieldError.UNKNOWN_FEATURE);
        }
        var errors = new java.util.ArrayList<>(CouponTerms.violations(terms.seats(), terms.termMonths(), ""));
        if (count < 1 || count > MAX_BATCH) {
            errors.add(new FieldError("count", FieldError.OUT_OF_RANGE));
        }
        if (!errors.isEmpty()) {
            throw LicensingException.invalid(errors);
        }
        var now = clock.now();
        var batch = CouponBatch.staffBatch(terms, count, note, staff.name(), now);
        em.persist(batch);
        em.flush();
        audit.record(staff, "COUPON_BATCH_STARTED", null, "batch " + batch.id(),
                count + " coupon(s) of feature " + terms.feature() + ", " + terms.seats() + " seat(s)"
                        + (terms.isPerpetual() ? ", perpetual" : ", " + terms.termMonths() + " month(s)"));
        return batch.id();
    }

    /** Mints what is left of a batch, one chunk per transaction. Runs after the caller's commit. */
    @Asynchronous
    public void mintRemaining(long batchId) {
        try {
            while (chunks.mintNext(batchId)) {
                // each chunk commits on its own
            }
        } catch (RuntimeException e) {
            LOG.severe(() -> "Minting batch " + batchId + " stopped: " + e + "; it resumes at the next start");
        }
    }

    public Progress progress(long batchId) {
        CouponBatch batch = em.find(CouponBatch.class, batchId);
        if (batch == null) {
            throw new LicensingException(org.pbxlicensing.domain.failure.Failure.NOT_FOUND);
        }
        return new Progress(batchId, batch.mintedCount(), batch.requestedCount(), batch.isComplete());
    }

    public List<Coupon> list(CouponState state, Long batchId, int offset, int limit) {
        return queries.couponsFiltered(state, batchId, offset, limit);
    }

    /** Writes the coupons of the filter as CSV, a page at a time. */
    public void exportCsv(CouponState state, Long batchId, Writer out) {
        var csv = new CouponCsv(out);
        int page = 1000;
        for (int offset = 0; ; offset += page) {
            List<Coupon> coupons = list(state, batchId, offset, page);
            coupons.forEach(csv::add);
            em.clear();
            if (coupons.size() < page) {
                return;
            }
        }
    }

}
