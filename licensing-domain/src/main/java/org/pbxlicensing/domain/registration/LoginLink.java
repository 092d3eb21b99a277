package org.pbxlicensing.domain.registration;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A one-time link that logs in the holder of a mailbox: made for any email asked for, mailed only to an
 * email that has registrations, usable once within {@link #LIFETIME}. The token itself is never stored.
 */
@Entity
@Table(name = "login_link")
public class LoginLink {

    public static final Duration LIFETIME = Duration.ofMinutes(15);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "token_digest", nullable = false, updatable = false)
    private String tokenDigest;

    @Column(nullable = false, updatable = false)
    private String email;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    protected LoginLink() {
    }

    public LoginLink(LoginLinkToken token, String email, Instant now) {
        this.tokenDigest = token.digest();
        this.email = Registration.normalizedEmail(email);
        this.createdAt = now;
        this.expiresAt = now.plus(LIFETIME);
    }

    /** Why a link does not log in, or empty if it still does at {@code now}. */
    public Optional<LoginLinkRefusal> refusalAt(Instant now) {
        if (usedAt != null) {
            return java.util.Optional.of(LoginLinkRefusal.USED);
        }
        if (!now.isBefore(expiresAt)) {
            return java.util.Optional.of(LoginLinkRefusal.EXPIRED);
        }
        return java.util.Optional.empty();
    }

    public Long id() {
        return id;
    }

    public String email() {
        return email;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Instant usedAt() {
        return usedAt;
    }
}
