package org.pbxlicensing.web.admin;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.pbxlicensing.domain.coupon.Coupon;
import org.pbxlicensing.domain.coupon.CouponBatch;
import org.pbxlicensing.domain.coupon.CouponState;
import org.pbxlicensing.domain.failure.LicensingException;
import org.pbxlicensing.domain.staff.StaffRole;
import org.pbxlicensing.service.admin.CouponAdmin;
import org.primefaces.model.LazyDataModel;

/** Coupons filtered by state and batch, paged in the database; revocation for support. */
@Named
@ViewScoped
public class CouponsView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    CouponAdmin coupons;

    @Inject
    Staff staff;

    private CouponState state;
    private Long batchId;
    private String reason;
    private final LazyDataModel<Coupon> results = PagedQuery.of(
            () -> coupons.count(state, batchId),
            (offset, limit) -> coupons.page(state, batchId, offset, limit),
            Coupon::id);

    public LazyDataModel<Coupon> getResults() {
        return results;
    }

    public List<CouponBatch> getBatches() {
        return coupons.recentBatches(50);
    }

    /** The batch as staff know it: the note typed when minting (an order's id), else its number. */
    public String label(CouponBatch batch) {
        String label = batch.label();
        return label != null ? label : java.text.MessageFormat.format(AdminMessages.text("batch.unnamed"), batch.id());
    }

    public CouponState[] getStates() {
        return CouponState.values();
    }

    public void revoke(String code) {
        if (!staff.may(StaffRole.SUPPORT)) {
            return;
        }
        try {
            coupons.revoke(code, reason, staff.actor());
            AdminMessages.info("coupon.revoked");
            reason = null;
        } catch (LicensingException e) {
            AdminMessages.refusal(e);
        }
    }

    /** The CSV download of the current filter (the servlet checks the role again). */
    public String getCsvLink() {
        return "coupons.csv?" + (state == null ? "" : "state=" + state + "&") + (batchId == null ? "" : "batch=" + batchId);
    }

    public CouponState getState() {
        return state;
    }

    public void setState(CouponState state) {
        this.state = state;
    }

    public Long getBatchId() {
        return batchId;
    }

    public void setBatchId(Long batchId) {
        this.batchId = batchId;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
