package org.pbxlicensing.domain.binding;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A customer's reset of a host binding that counted against its license's {@link ResetQuota}. */
@Entity
@Table(name = "license_reset")
public class LicenseReset {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "license_id", nullable = false, updatable = false)
    private Long licenseId;

    @Column(name = "host_id", nullable = false, updatable = false)
    private String hostId;

    @Column(name = "reset_at", nullable = false, updatable = false)
    private Instant resetAt;

    protected LicenseReset() {
    }

    public LicenseReset(long licenseId, String hostId, Instant resetAt) {
        this.licenseId = licenseId;
        this.hostId = hostId;
        this.resetAt = resetAt;
    }

    public Instant resetAt() {
        return resetAt;
    }
}
