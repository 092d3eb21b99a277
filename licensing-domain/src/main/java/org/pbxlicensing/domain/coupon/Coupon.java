package org.pbxlicensing.domain.coupon;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A one-time code that turns into a paid license on the registration it is activated with.
 * Activation itself is a conditional update in the database (see the coupon service), never a
 * read-then-write on this object.
 */
@Entity
@Table(name = "coupon")
public class Coupon {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Convert(converter = CouponCodeConverter.class)
    @Column(nullable = false, updatable = false)
    private CouponCode code;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "batch_id", updatable = false)
    private CouponBatch batch;

    @Column(nullable = false, updatable = false)
    private int position;

    @Column(name = "feature_number", nullable = false, updatable = false)
    private int feature;

    @Column(nullable = false, updatable = false)
    private int seats;

    @Column(name = "term_months", updatable = false)
    private Integer termMonths;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CouponState state;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "activated_registration_id")
    private Long activatedRegistrationId;

    @Column(name = "activated_at")
    private Instant activatedAt;

    @Column(name = "activated_client")
    private String activatedClient;

    @Column(name = "license_id")
    private Long licenseId;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "revoked_by")
    private String revokedBy;

    @Column(name = "revoke_reason")
    private String revokeReason;

    protected Coupon() {
    }

    public Coupon(CouponCode code, CouponBatch batch, int position, CouponTerms terms, Instant now) {
        this.code = code;
        this.batch = batch;
        this.position = position;
        this.feature = terms.feature();
        this.seats = terms.seats();
        this.termMonths = terms.termMonths();
        this.state = CouponState.ISSUED;
        this.createdAt = now;
    }

    public CouponTerms terms() {
        return new CouponTerms(feature, seats, termMonths);
    }

    public Long id() {
        return id;
    }

    public CouponCode code() {
        return code;
    }

    public CouponBatch batch() {
        return batch;
    }

    public int position() {
        return position;
    }

    public int feature() {
        return feature;
    }

    public int seats() {
        return seats;
    }

    public Integer termMonths() {
        return termMonths;
    }

    public CouponState state() {
        return state;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Long activatedRegistrationId() {
        return activatedRegistrationId;
    }

    public Instant activatedAt() {
        return activatedAt;
    }

    public String activatedClient() {
        return activatedClient;
    }

    public Long licenseId() {
        return licenseId;
    }

    public Instant revokedAt() {
        return revokedAt;
    }

    public String revokedBy() {
        return revokedBy;
    }

    public String revokeReason() {
        return revokeReason;
    }
}
