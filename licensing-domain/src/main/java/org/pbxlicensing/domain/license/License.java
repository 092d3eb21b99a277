package org.pbxlicensing.domain.license;

import jakarta.persistence.Column;
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
import java.time.Duration;
import java.time.Instant;
import org.pbxlicensing.domain.catalog.Feature;
import org.pbxlicensing.domain.registration.Registration;

/** The right of a registration to run a feature on a number of seats, from a start until an end (or forever). */
@Entity
@Table(name = "license")
public class License {

    private static final long SECONDS_PER_DAY = 86_400;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "registration_id", updatable = false)
    private Registration registration;

    /** The same column again, read-only, so that the registration's id is known without loading the registration. */
    @Column(name = "registration_id", insertable = false, updatable = false)
    private Long registrationId;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "feature_number", updatable = false)
    private Feature feature;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private LicenseKind kind;

    @Column(nullable = false)
    private int seats;

    @Column(name = "starts_at", nullable = false)
    private Instant startsAt;

    @Column(name = "ends_at")
    private Instant endsAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private LicenseSource source;

    @Column(name = "source_ref")
    private String sourceRef;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected License() {
    }

    private License(Registration registration, Feature feature, LicenseKind kind, int seats, Instant startsAt,
            Instant endsAt, LicenseSource source, String sourceRef) {
        if (seats <= 0) {
            throw new IllegalArgumentException("a license has at least one seat");
        }
        if (endsAt != null && !endsAt.isAfter(startsAt)) {
            throw new IllegalArgumentException("a license ends after it starts");
        }
        this.registration = registration;
        this.feature = feature;
        this.kind = kind;
        this.seats = seats;
        this.startsAt = startsAt;
        this.endsAt = endsAt;
        this.source = source;
        this.sourceRef = sourceRef;
        this.createdAt = startsAt;
    }

    /** The feature's default trial, from now on. */
    public static License trial(Registration registration, Feature feature, LicenseSource source, Instant now) {
        return new License(registration, feature, LicenseKind.TRIAL, feature.trialSeats(), now,
                now.plus(Duration.ofDays(feature.trialDays())), source, null);
    }

    /**
     * The feature's default trial, from now on, for a registration known by its id (a reference that
     * need not be loaded to bind the trial to a host).
     */
    public static License trial(Registration registration, long registrationId, Feature feature, LicenseSource source,
            Instant now) {
        License trial = trial(registration, feature, source, now);
        trial.registrationId = registrationId;
        return trial;
    }

    public static License perpetual(Registration registration, Feature feature, int seats, LicenseSource source,
            String sourceRef, Instant now) {
        return new License(registration, feature, LicenseKind.PERPETUAL, seats, now, null, source, sourceRef);
    }

    public static License term(Registration registration, Feature feature, int seats, int months,
            LicenseSource source, String sourceRef, Instant now) {
        if (months <= 0) {
            throw new IllegalArgumentException("a term lasts at least a month");
        }
        Instant end = now.atZone(java.time.ZoneOffset.UTC).plusMonths(months).toInstant();
        return new License(registration, feature, LicenseKind.TERM, seats, now, end, source, sourceRef);
    }

    public boolean isActiveAt(Instant now) {
        return (revokedAt == null || now.isBefore(revokedAt)) && !now.isBefore(startsAt)
                && (endsAt == null || now.isBefore(endsAt));
    }

    /** Ended by time (not revoked): what a PBX reports as an expired trial or term. */
    public boolean hasEndedAt(Instant now) {
        return endsAt != null && !now.isBefore(endsAt);
    }

    /** Whole days left, rounded up, so a fresh 30-day trial has 30; null for a perpetual license. */
    public Long daysLeftAt(Instant now) {
        if (endsAt == null) {
            return null;
        }
        long seconds = Duration.between(now, endsAt).getSeconds();
        return seconds <= 0 ? 0 : (seconds + SECONDS_PER_DAY - 1) / SECONDS_PER_DAY;
    }

    public void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    public Long id() {
        return id;
    }

    public Registration registration() {
        return registration;
    }

    /** The registration's id; of a license read from the database, without loading the registration. */
    public Long registrationId() {
        return registrationId != null ? registrationId : registration.id();
    }

    public Feature feature() {
        return feature;
    }

    public LicenseKind kind() {
        return kind;
    }

    public int seats() {
        return seats;
    }

    public Instant startsAt() {
        return startsAt;
    }

    public Instant endsAt() {
        return endsAt;
    }

    public LicenseSource source() {
        return source;
    }

    public String sourceRef() {
        return sourceRef;
    }

    public Instant revokedAt() {
        return revokedAt;
    }
}
