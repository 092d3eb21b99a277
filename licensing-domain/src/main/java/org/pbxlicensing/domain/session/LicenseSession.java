package org.pbxlicensing.domain.session;

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
import java.util.Optional;
import org.pbxlicensing.domain.audit.Actor;
import org.pbxlicensing.domain.catalog.CountingMode;
import org.pbxlicensing.domain.license.License;

/**
 * One seat of a per-session license held by one live session, from its capture until it is
 * released, dropped, or misses its heartbeat for longer than its time to live. Rows stay as history.
 */
@Entity
@Table(name = "license_session")
public class LicenseSession {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "session_id", nullable = false, updatable = false)
    private String sessionId;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "license_id", updatable = false)
    private License license;

    @Column(name = "registration_id", nullable = false, updatable = false)
    private Long registrationId;

    @Column(name = "feature_number", nullable = false, updatable = false)
    private int featureNumber;

    @Column(name = "holder_host", updatable = false)
    private String holderHost;

    @Column(name = "holder_user", updatable = false)
    private String holderUser;

    @Column(name = "holder_process", updatable = false)
    private String holderProcess;

    @Column(name = "client_address", updatable = false)
    private String clientAddress;

    @Column(name = "started_at", nullable = false, updatable = false)
    private Instant startedAt;

    @Column(name = "last_heartbeat_at", nullable = false)
    private Instant lastHeartbeatAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "end_reason")
    private SessionEnd endReason;

    @Column(name = "dropped_by")
    private String droppedBy;

    @Column(name = "drop_reason")
    private String dropReason;

    protected LicenseSession() {
    }

    public LicenseSession(License license, SessionId id, SessionHolder holder, String clientAddress, Instant now,
            Duration ttl) {
        if (license.feature().countingMode() != CountingMode.PER_SESSION) {
            throw new IllegalArgumentException("only a per-session feature's seats are held by sessions");
        }
        this.sessionId = id.value();
        this.license = license;
        this.registrationId = license.registrationId();
        this.featureNumber = license.feature().number();
        this.holderHost = holder.host();
        this.holderUser = holder.user();
        this.holderProcess = holder.process();
        this.clientAddress = clientAddress;
        this.startedAt = now;
        this.lastHeartbeatAt = now;
        this.expiresAt = expiryAfterHeartbeat(now, ttl);
    }

    /** A session heartbeated at {@code heartbeat} is live until (not at) the returned instant. */
    public static Instant expiryAfterHeartbeat(Instant heartbeat, Duration ttl) {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("a session lives for a positive time");
        }
        return heartbeat.plus(ttl);
    }

    public boolean isLiveAt(Instant now) {
        return endedAt == null && now.isBefore(expiresAt);
    }

    /**
     * Ends a live session as released by its client.
     *
     * @return whether this call released it; a session that had already ended, or that missed its
     *     heartbeat (it is then marked expired), is not released again
     */
    public boolean release(Instant now) {
        return end(SessionEnd.RELEASED, now);
    }

    /**
     * Ends a live session on behalf of the vendor's staff.
     *
     * @return whether this call dropped it, see {@link #release(Instant)}
     */
    public boolean drop(Actor staff, String reason, Instant now) {
        boolean dropped = end(SessionEnd.DROPPED, now);
        if (dropped) {
            droppedBy = staff.name() == null ? staff.type().name() : staff.name();
            dropReason = reason;
        }
        return dropped;
    }

    private boolean end(SessionEnd reason, Instant now) {
        if (endedAt != null) {
            return false;
        }
        if (!isLiveAt(now)) {
            endedAt = expiresAt;
            endReason = SessionEnd.EXPIRED;
            return false;
        }
        endedAt = now;
        endReason = reason;
        return true;
    }

    /**
     * How the session had ended by {@code now}, if it had: a session that missed its heartbeat
     * counts as expired even before the server marked it.
     */
    public Optional<SessionEnd> endReasonAsOf(Instant now) {
        if (endedAt != null) {
            return Optional.of(endReason);
        }
        return now.isBefore(expiresAt) ? Optional.empty() : Optional.of(SessionEnd.EXPIRED);
    }

    /** When the session ended, if it had by {@code now}; an expired one ended at its expiry. */
    public Optional<Instant> endedAtAsOf(Instant now) {
        if (endedAt != null) {
            return Optional.of(endedAt);
        }
        return now.isBefore(expiresAt) ? Optional.empty() : Optional.of(expiresAt);
    }

    public Long id() {
        return id;
    }

    public SessionId sessionId() {
        return new SessionId(sessionId);
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

    public SessionHolder holder() {
        return new SessionHolder(holderHost, holderUser, holderProcess);
    }

    public String clientAddress() {
        return clientAddress;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant lastHeartbeatAt() {
        return lastHeartbeatAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public String droppedBy() {
        return droppedBy;
    }

    public String dropReason() {
        return dropReason;
    }
}
