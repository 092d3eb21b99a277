package org.pbxlicensing.service.admin;

import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.Writer;
import java.util.List;
import org.pbxlicensing.domain.audit.Actor;
import org.pbxlicensing.domain.coupon.Coupon;
import org.pbxlicensing.domain.coupon.CouponBatch;
import org.pbxlicensing.domain.coupon.CouponState;
import org.pbxlicensing.domain.coupon.CouponTerms;
import org.pbxlicensing.service.coupon.CouponBatchService;
import org.pbxlicensing.service.coupon.CouponQueries;
import org.pbxlicensing.service.coupon.CouponService;

/** Coupons for staff: batches minted in the background, filtered lists, CSV export, revocation. */
@Stateless
@DeclareRoles({StaffRoles.ADMIN, StaffRoles.SUPPORT, StaffRoles.VIEWER})
@RolesAllowed({StaffRoles.ADMIN, StaffRoles.SUPPORT, StaffRoles.VIEWER})
public class CouponAdmin {

    @Inject
    CouponQueries queries;

    @Inject
    CouponBatchService batches;

    @Inject
    CouponService coupons;

    @RolesAllowed(StaffRoles.ADMIN)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public long mint(CouponTerms terms, int count, String note, Actor staff) {
        return batches.mint(terms, count, note, staff);
    }

    public CouponBatchService.Progress progress(long batchId) {
        return batches.progress(batchId);
    }

    public List<CouponBatch> recentBatches(int limit) {
        return queries.recentBatches(limit);
    }

    public long count(CouponState state, Long batchId) {
        return queries.countFiltered(state, batchId);
    }

    public List<Coupon> page(CouponState state, Long batchId, int offset, int limit) {
        return batches.list(state, batchId, Math.max(offset, 0), Math.min(Math.max(limit, 1), 200));
    }

    /** Unused codes are as good as money: only support and admins may take them out. */
    @RolesAllowed({StaffRoles.ADMIN, StaffRoles.SUPPORT})
    public void exportCsv(CouponState state, Long batchId, Writer out) {
        batches.exportCsv(state, batchId, out);
    }

    @RolesAllowed({StaffRoles.ADMIN, StaffRoles.SUPPORT})
    public void revoke(String code, String reason, Actor staff) {
        coupons.revoke(code, staff, StaffReason.require(reason));
    }
}
