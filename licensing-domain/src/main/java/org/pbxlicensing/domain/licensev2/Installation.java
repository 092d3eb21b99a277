package org.pbxlicensing.domain.licensev2;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A MikoPBX installation that speaks LicenseV2, with what it last reported. Its {@code lastSeq} only
 * grows, by a conditional update, so that a replayed request is caught on every node.
 */
@Entity
@Table(name = "licensev2_installation")
public class Installation {

    @Id
    @Column(name = "install_id")
    private String installId;

    @Column(nullable = false, updatable = false)
    private String pubkey;

    @Column(name = "registration_id", nullable = false)
    private Long registrationId;

    @Column(name = "host_id", nullable = false, updatable = false)
    private String hostId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private InstallationState state;

    @Column(name = "last_seq", nullable = false, insertable = false, updatable = false)
    private long lastSeq;

    @Column(name = "last_held")
    private String lastHeld;

    @Column(name = "app_id")
    private String appId;

    @Column(name = "app_version")
    private String appVersion;

    private String environment;

    private String fingerprint;

    @Column(name = "v1_hostname")
    private String v1Hostname;

    @Column(name = "v1_cpuid")
    private String v1Cpuid;

    @Column(name = "v1_network")
    private String v1Network;

    @Column(name = "client_address")
    private String clientAddress;

    @Column(name = "usage_gen")
    private String usageGen;

    private String holders;

    @Column(name = "holders_complete")
    private Boolean holdersComplete;

    private String metrics;

    @Column(name = "first_seen_at", nullable = false, updatable = false)
    private Instant firstSeenAt;

    @Column(name = "last_seen_at", nullable = false)
    private Instant lastSeenAt;

    protected Installation() {
    }

    /**
     * What a verified request tells: the latest of everything. Absent usage, holders and metrics mean
     * "unknown": what was reported before stays.
     */
    public void record(EntitlementRequest request, Long registrationId, String clientAddress, Instant now) {
        this.registrationId = registrationId;
        this.clientAddress = clientAddress;
        this.lastSeenAt = now;
        if (request.held() != null) {
            this.lastHeld = request.held();
        }
        if (request.appId() != null || request.appVersion() != null) {
            this.appId = request.appId();
            this.appVersion = request.appVersion();
        }
        if (request.environment() != null) {
            this.environment = request.environment();
        }
        if (!request.fingerprint().isEmpty()) {
            this.fingerprint = String.join(",", request.fingerprint());
        }
        if (request.v1Machine() != null) {
            this.v1Hostname = request.v1Machine().hostname();
            this.v1Cpuid = request.v1Machine().cpuid();
            this.v1Network = request.v1Machine().network();
        }
        if (request.usageGen() != null) {
            this.usageGen = request.usageGen();
        }
        if (request.holders() != null) {
            this.holders = request.holders();
            this.holdersComplete = request.holdersComplete() == null || request.holdersComplete();
        }
        if (request.metrics() != null) {
            this.metrics = request.metrics();
        }
    }

    /** @return whether a reset was waiting to be told: the caller answers it with a refusal, once */
    public boolean takePendingReset() {
        if (state == InstallationState.RESET) {
            state = InstallationState.ACTIVE;
            return true;
        }
        return false;
    }

    public String installId() {
        return installId;
    }

    public String pubkey() {
        return pubkey;
    }

    public Long registrationId() {
        return registrationId;
    }

    public String hostId() {
        return hostId;
    }

    public InstallationState state() {
        return state;
    }

    public long lastSeq() {
        return lastSeq;
    }

    public String lastHeld() {
        return lastHeld;
    }

    public String appId() {
        return appId;
    }

    public String appVersion() {
        return appVersion;
    }

    public String environment() {
        return environment;
    }

    public String fingerprint() {
        return fingerprint;
    }

    public String v1Hostname() {
        return v1Hostname;
    }

    public String v1Cpuid() {
        return v1Cpuid;
    }

    public String v1Network() {
        return v1Network;
    }

    public String clientAddress() {
        return clientAddress;
    }

    public String usageGen() {
        return usageGen;
    }

    /** The holders as the PBX last reported them (compact JSON array), for the "Active sessions" tab. */
    public String holders() {
        return holders;
    }

    public Boolean holdersComplete() {
        return holdersComplete;
    }

    public String metrics() {
        return metrics;
    }

    public Instant firstSeenAt() {
        return firstSeenAt;
    }

    public Instant lastSeenAt() {
        return lastSeenAt;
    }
}
