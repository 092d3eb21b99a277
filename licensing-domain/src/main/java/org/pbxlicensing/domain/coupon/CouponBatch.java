package org.pbxlicensing.domain.coupon;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Coupons minted together: a store order, or a batch minted by staff. */
@Entity
@Table(name = "coupon_batch")
public class CouponBatch {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private CouponOrigin origin;

    @Column(nullable = false, updatable = false)
    private String reference;

    private String email;

    private String note;

    @Column(name = "feature_number", updatable = false)
    private Integer feature;

    @Column(updatable = false)
    private Integer seats;

    @Column(name = "term_months", updatable = false)
    private Integer termMonths;

    @Column(name = "requested_count", nullable = false, updatable = false)
    private int requestedCount;

    @Column(name = "minted_count", nullable = false)
    private int mintedCount;

    @Column(name = "created_by", updatable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "completed_at")
    private Instant completedAt;

    protected CouponBatch() {
    }

    public CouponBatch(CouponOrigin origin, String reference, String email, String note, int requestedCount,
            String createdBy, Instant now) {
        if (requestedCount < 1) {
            throw new IllegalArgumentException("a batch has at least one coupon");
        }
        this.origin = origin;
        this.reference = reference;
        this.email = email;
        this.note = note;
        this.requestedCount = requestedCount;
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    /** A staff batch: {@code count} coupons with the same terms, with a generated reference. */
    public static CouponBatch staffBatch(CouponTerms terms, int count, String note, String staffUser, Instant now) {
        var batch = new CouponBatch(CouponOrigin.STAFF, "staff-" + java.util.UUID.randomUUID(), null, note, count,
                staffUser, now);
        batch.feature = terms.feature();
        batch.seats = terms.seats();
        batch.termMonths = terms.termMonths();
        return batch;
    }

    /** The terms of every coupon of a staff batch. */
    public CouponTerms terms() {
        if (feature == null) {
            throw new IllegalStateException("an order's coupons have terms of their own");
        }
        return new CouponTerms(feature, seats, termMonths);
    }

    public void minted(int count, Instant now) {
        mintedCount += count;
        if (mintedCount >= requestedCount) {
            completedAt = now;
        }
    }

    public boolean isComplete() {
        return completedAt != null;
    }

    public Long id() {
        return id;
    }

    public CouponOrigin origin() {
        return origin;
    }

    public String reference() {
        return reference;
    }

    public String email() {
        return email;
    }

    public String note() {
        return note;
    }

    /**
     * What staff call the batch: the note typed when it was minted, else an order's reference (its order id); a
     * staff batch without a note has none (its generated reference means nothing to anyone).
     */
    public String label() {
        if (note != null && !note.isBlank()) {
            return note.strip();
        }
        return origin == CouponOrigin.ORDER ? reference : null;
    }

    public int requestedCount() {
        return requestedCount;
    }

    public int mintedCount() {
        return mintedCount;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant completedAt() {
        return completedAt;
    }
}
