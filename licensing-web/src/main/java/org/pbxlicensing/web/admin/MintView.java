package org.pbxlicensing.web.admin;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.pbxlicensing.domain.coupon.CouponTerms;
import org.pbxlicensing.domain.failure.LicensingException;
import org.pbxlicensing.domain.staff.StaffRole;
import org.pbxlicensing.service.admin.CouponAdmin;
import org.pbxlicensing.service.coupon.CouponBatchService;

/** Mints a batch of coupons in the background and shows its progress. */
@Named
@ViewScoped
public class MintView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    CouponAdmin coupons;

    @Inject
    Staff staff;

    private int feature = 33;
    private int seats = 1;
    private Integer termMonths;
    private int count = 100;
    private String note;
    private Long batchId;

    public void mint() {
        if (!staff.may(StaffRole.ADMIN)) {
            return;
        }
        try {
            batchId = coupons.mint(new CouponTerms(feature, seats, termMonths), count, note, staff.actor());
        } catch (LicensingException e) {
            AdminMessages.refusal(e);
        }
    }

    public CouponBatchService.Progress getProgress() {
        return batchId == null ? null : coupons.progress(batchId);
    }

    /** Percent minted, for the progress bar. */
    public int getPercent() {
        var progress = getProgress();
        return progress == null || progress.requested() == 0 ? 0 : progress.minted() * 100 / progress.requested();
    }

    public boolean isComplete() {
        var progress = getProgress();
        return progress != null && progress.complete();
    }

    /** What the batch is called: the note typed for it, if any. */
    public String getBatchLabel() {
        return note == null || note.isBlank() ? null : note.strip();
    }

    public Long getBatchId() {
        return batchId;
    }

    public int getFeature() {
        return feature;
    }

    public void setFeature(int feature) {
        this.feature = feature;
    }

    public int getSeats() {
        return seats;
    }

    public void setSeats(int seats) {
        this.seats = seats;
    }

    public Integer getTermMonths() {
        return termMonths;
    }

    public void setTermMonths(Integer termMonths) {
        this.termMonths = termMonths;
    }

    public int getCount() {
        return count;
    }

    public void setCount(int count) {
        this.count = count;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }
}
