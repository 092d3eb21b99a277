package org.pbxlicensing.service.staff;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.pbxlicensing.domain.audit.Actor;
import org.pbxlicensing.domain.failure.Failure;
import org.pbxlicensing.domain.failure.LicensingException;
import org.pbxlicensing.domain.staff.PasswordHash;
import org.pbxlicensing.domain.staff.RecoveryCodes;
import org.pbxlicensing.domain.staff.StaffRole;
import org.pbxlicensing.domain.staff.StaffUser;
import org.pbxlicensing.domain.staff.Totp;
import org.pbxlicensing.infrastructure.time.ServerClock;
import org.pbxlicensing.service.audit.AuditLog;

/** Staff users: checks their passwords and second factors for the admin login, and lets an admin add them. */
@Stateless
public class StaffDirectory {

    @PersistenceContext(unitName = "licensing")
    EntityManager em;

    @Inject
    StaffQueries queries;

    @Inject
    StaffLoginThrottle throttle;

    @Inject
    AuditLog audit;

    @Inject
    ServerClock clock;

    @Inject
    StaffSecrets secrets;

    /** How a login step ended; {@code CODE_NEEDED}: the password was right, and the member's code is asked next. */
    public enum LoginOutcome { ACCEPTED, CODE_NEEDED, REFUSED, THROTTLED }

    public record LoginResult(LoginOutcome outcome, StaffRole role) {
    }

    /**
     * Checks a password; a throttled user name and address is refused before the password is looked at.
     * A member with a second factor is not logged in by the password alone: the outcome asks for the code.
     */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public LoginResult logIn(String userName, char[] password, String client) {
        if (!plausible(userName)) {
            return new LoginResult(LoginOutcome.REFUSED, null);
        }
        return throttled(() -> throttle.check(userName, client, () -> {
            StaffUser user = em.find(StaffUser.class, userName);
            boolean accepted = user == null ? PasswordHash.verifyAgainstNoHash(password) : user.accepts(password);
            if (!accepted) {
                return Optional.empty();
            }
            return Optional.of(new LoginResult(user.totpEnabled() ? LoginOutcome.CODE_NEEDED : LoginOutcome.ACCEPTED,
                    user.role()));
        }));
    }

    /**
     * The second step of a login whose password was right: the member's current TOTP code or one of
     * their recovery codes. Wrong codes count against the login throttle as wrong passwords do; a code
     * is accepted once only.
     */
    @PermitAll
    public LoginResult logInWithCode(String userName, String code, String client) {
        if (!plausible(userName)) {
            return new LoginResult(LoginOutcome.REFUSED, null);
        }
        Instant now = clock.now();
        LoginResult result = throttled(() -> throttle.check(userName, client, () -> {
            StaffUser user = em.find(StaffUser.class, userName);
            if (user == null || !user.enabled() || !user.totpEnabled() || code == null || code.isBlank()) {
                return Optional.empty();
            }
            boolean plausibleCode = RecoveryCodes.looksLikeOne(code) || Totp.matchingStep(
                    secrets.open(user.totpSecret(), userName), code.strip(), now, user.totpLastStep()).isPresent();
            return plausibleCode ? Optional.of(new LoginResult(LoginOutcome.ACCEPTED, user.role())) : Optional.empty();
        }));
        if (result.outcome() != LoginOutcome.ACCEPTED) {
            return result;
        }
        // The throttle's check only reads; the code is spent here, once, or counted as a wrong one.
        StaffUser user = em.find(StaffUser.class, userName);
        if (SecondFactorClaim.spend(em, userName, secrets.open(user.totpSecret(), userName), code, user.totpLastStep(), now)) {
            return result;
        }
        try {
            throttle.countFailure(userName, client);
        } catch (LicensingException refusal) {
            return new LoginResult(LoginOutcome.THROTTLED, null);
        }
        return new LoginResult(LoginOutcome.REFUSED, null);
    }

    /** Whether a logged-in member's session still stands: none when the user is gone. */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<StaffStanding> standing(String userName) {
        return Optional.ofNullable(userName == null ? null : em.find(StaffUser.class, userName))
                .map(user -> new StaffStanding(user.enabled(), user.role(), user.totpEnabled()));
    }

    private static boolean plausible(String userName) {
        return userName != null && !userName.isBlank() && userName.length() <= StaffUser.MAX_NAME_LENGTH;
    }

    private static LoginResult throttled(Supplier<Optional<LoginResult>> check) {
        try {
            return check.get().orElseGet(() -> new LoginResult(LoginOutcome.REFUSED, null));
        } catch (LicensingException refusal) {
            if (refusal.failure() != Failure.TOO_MANY_ATTEMPTS) {
                throw refusal;
            }
            return new LoginResult(LoginOutcome.THROTTLED, null);
        }
    }

    @PermitAll
    public boolean exists(String userName) {
        return em.find(StaffUser.class, userName) != null;
    }

    @RolesAllowed(StaffRole.ADMIN_NAME)
    public List<StaffUser> all() {
        return queries.allUsers();
    }

    @RolesAllowed(StaffRole.ADMIN_NAME)
    public void create(String userName, StaffRole role, char[] password, Actor admin) {
        if (userName == null || !userName.matches("[A-Za-z0-9._@-]{2,64}")) {
            throw LicensingException.invalid("userName", "INVALID_FORMAT");
        }
        StaffPasswords.requireStrong(password);
        if (exists(userName)) {
            throw LicensingException.invalid("userName", "ALREADY_EXISTS");
        }
        em.persist(new StaffUser(userName, role, password, clock.now()));
        audit.record(admin, "STAFF_USER_CREATED", null, "staff " + userName, "role " + role);
    }
}
