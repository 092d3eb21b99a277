package org.pbxlicensing.domain.staff;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A member of the vendor's staff who logs in to the admin area. */
@Entity
@Table(name = "staff_user")
public class StaffUser {

    public static final int MAX_NAME_LENGTH = 64;

    @Id
    @Column(name = "user_name")
    private String userName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private StaffRole role;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    /** The TOTP secret sealed with the secrets key; none until the member enrols. */
    @Column(name = "totp_secret")
    private String totpSecret;

    /** Whether the login asks for a code: only once the member has shown a code of the secret. */
    @Column(name = "totp_enabled", nullable = false)
    private boolean totpEnabled;

    /** The last TOTP step whose code was accepted (kept by conditional updates, see the login). */
    @Column(name = "totp_last_step", nullable = false, insertable = false, updatable = false)
    private long totpLastStep;

    protected StaffUser() {
    }

    public StaffUser(String userName, StaffRole role, char[] password, Instant now) {
        this.userName = userName;
        this.role = role;
        this.passwordHash = PasswordHash.hash(password);
        this.enabled = true;
        this.createdAt = now;
    }

    /** Whether the password is the member's, enabled or not. */
    public boolean hasPassword(char[] password) {
        return PasswordHash.verify(password, passwordHash);
    }

    public boolean accepts(char[] password) {
        // Verified first: a disabled user's login takes as long as anyone's.
        return PasswordHash.verify(password, passwordHash) && enabled;
    }

    public void changePassword(char[] password) {
        passwordHash = PasswordHash.hash(password);
    }

    public void changeRole(StaffRole role) {
        this.role = role;
    }

    public void enable(boolean enabled) {
        this.enabled = enabled;
    }

    /** Starts an enrolment: the sealed secret waits for a code before the login asks for one. */
    public void enrolTotp(String sealedSecret) {
        totpSecret = sealedSecret;
        totpEnabled = false;
    }

    public void confirmTotp() {
        totpEnabled = true;
    }

    public void removeTotp() {
        totpSecret = null;
        totpEnabled = false;
    }

    public String totpSecret() {
        return totpSecret;
    }

    public boolean totpEnabled() {
        return totpEnabled;
    }

    public long totpLastStep() {
        return totpLastStep;
    }

    public String userName() {
        return userName;
    }

    public StaffRole role() {
        return role;
    }

    public boolean enabled() {
        return enabled;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
