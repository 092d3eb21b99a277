package org.pbxlicensing.domain.binding;

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
import org.pbxlicensing.domain.audit.ActorType;
import org.pbxlicensing.domain.license.License;

/** One seat of a license held by one host, from its activation until it is released. */
@Entity
@Table(name = "host_binding")
public class HostBinding {

    /** Last-seen times are written at most this often, so that checks stay read-only. */
    public static final Duration LAST_SEEN_RESOLUTION = Duration.ofMinutes(30);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "license_id")
    private License license;

    @Column(name = "registration_id", nullable = false, updatable = false)
    private Long registrationId;

    @Column(name = "feature_number", nullable = false, updatable = false)
    private int featureNumber;

    @Column(name = "host_id", nullable = false, updatable = false)
    private String hostId;

    @Column(name = "host_name")
    private String hostName;

    private String os;

    @Column(name = "product_version")
    private String productVersion;

    private String ip;

    @Column(name = "bound_at", nullable = false, updatable = false)
    private Instant boundAt;

    @Column(name = "last_seen_at", nullable = false)
    private Instant lastSeenAt;

    @Column(name = "released_at")
    private Instant releasedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "released_by")
    private ActorType releasedBy;

    @Column(name = "release_reason")
    private String releaseReason;

    protected HostBinding() {
    }

    public HostBinding(License license, HostDetails host, String ip, Instant now) {
        this.license = license;
        this.registrationId = license.registrationId();
        this.featureNumber = license.feature().number();
        this.hostId = host.id();
        this.boundAt = now;
        refresh(host, ip, now);
    }

    /** A re-activation from the bound host: newer details, seen now. */
    public void refresh(HostDetails host, String ip, Instant now) {
        this.hostName = host.name();
        this.os = host.os();
        this.productVersion = host.productVersion();
        this.ip = ip;
        this.lastSeenAt = now;
    }

    public void release(ActorType by, String reason, Instant now) {
        if (releasedAt == null) {
            releasedAt = now;
            releasedBy = by;
            releaseReason = reason;
        }
    }

    /** A host bound on a trial moves to a paid license of the same feature, keeping its binding. */
    public void moveTo(License paid) {
        if (paid.feature().number() != featureNumber || !paid.registrationId().equals(registrationId)) {
            throw new IllegalArgumentException("a binding moves only within its registration and feature");
        }
        this.license = paid;
    }

    public boolean isActive() {
        return releasedAt == null;
    }

    public Long id() {
        return id;
    }

    public License license() {
        return license;
    }

    public Long registrationId() {
        return registrationId;
    }

    public int featureNumber() {
        return featureNumber;
    }

    public String hostId() {
        return hostId;
    }

    public String hostName() {
        return hostName;
    }

    public String os() {
        return os;
    }

    public String productVersion() {
        return productVersion;
    }

    public String ip() {
        return ip;
    }

    public Instant boundAt() {
        return boundAt;
    }

    public Instant lastSeenAt() {
        return lastSeenAt;
    }

    public Instant releasedAt() {
        return releasedAt;
    }

    public ActorType releasedBy() {
        return releasedBy;
    }

    public String releaseReason() {
        return releaseReason;
    }
}
