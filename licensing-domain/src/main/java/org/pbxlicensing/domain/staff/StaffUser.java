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

    protected StaffUser() {
    }

    public StaffUser(String userName, StaffRole role, char[] password, Instant now) {
        this.userName = userName;
        this.role = role;
        this.passwordHash = PasswordHash.hash(password);
        this.enabled = true;
        this.createdAt = now;
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
