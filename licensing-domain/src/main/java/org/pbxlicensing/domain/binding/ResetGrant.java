package org.pbxlicensing.domain.binding;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One extra reset of a license granted by staff beyond its quota, spent by the next reset the quota refuses. */
@Entity
@Table(name = "reset_grant")
public class ResetGrant {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "license_id", nullable = false, updatable = false)
    private Long licenseId;

    @Column(name = "granted_at", nullable = false, updatable = false)
    private Instant grantedAt;

    @Column(name = "granted_by", nullable = false, updatable = false)
    private String grantedBy;

    @Column(nullable = false, updatable = false)
    private String reason;

    @Column(name = "spent_at")
    private Instant spentAt;

    @Column(name = "spent_on_host")
    private String spentOnHost;

    protected ResetGrant() {
    }

    public ResetGrant(long licenseId, String grantedBy, String reason, Instant grantedAt) {
        this.licenseId = licenseId;
        this.grantedBy = grantedBy;
        this.reason = reason;
        this.grantedAt = grantedAt;
    }

    public void spend(String hostId, Instant now) {
        this.spentOnHost = hostId;
        this.spentAt = now;
    }

    public Long id() {
        return id;
    }

    public Instant spentAt() {
        return spentAt;
    }
}
