package org.pbxlicensing.service.staff;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.pbxlicensing.domain.audit.Actor;
import org.pbxlicensing.domain.failure.Failure;
import org.pbxlicensing.domain.failure.LicensingException;
import org.pbxlicensing.domain.staff.PasswordHash;
import org.pbxlicensing.domain.staff.StaffRole;
import org.pbxlicensing.domain.staff.StaffUser;
import org.pbxlicensing.infrastructure.time.ServerClock;
import org.pbxlicensing.service.audit.AuditLog;

/** Staff users: checks their passwords for the admin login, and lets an admin manage them. */
@Stateless
public class StaffDirectory {

    @PersistenceContext(unitName = "licensing")
    EntityManager em;

    @Inject
    StaffLoginThrottle throttle;

    @Inject
    AuditLog audit;

    @Inject
    ServerClock clock;

    public enum LoginOutcome { ACCEPTED, REFUSED, THROTTLED }

    public record LoginResult(LoginOutcome outcome, StaffRole role) {
    }

    /** Checks a password; a throttled user name and address is refused before the password is looked at. */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public LoginResult logIn(String userName, char[] password, String client) {
        if (userName == null || userName.isBlank() || userName.length() > StaffUser.MAX_NAME_LENGTH) {
            return new LoginResult(LoginOutcome.REFUSED, null);
        }
        try {
            Optional<StaffRole> role = throttle.check(userName, client, () -> {
                StaffUser user = em.find(StaffUser.class, userName);
                boolean accepted = user == null ? PasswordHash.verifyAgainstNoHash(password) : user.accepts(password);
                return accepted ? Optional.of(user.role()) : Optional.empty();
            });
            return role.map(accepted -> new LoginResult(LoginOutcome.ACCEPTED, accepted))
                    .orElseGet(() -> new LoginResult(LoginOutcome.REFUSED, null));
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
        return em.createQuery("select u from StaffUser u order by u.userName", StaffUser.class).getResultList();
    }

    @RolesAllowed(StaffRole.ADMIN_NAME)
    public void create(String userName, StaffRole role, char[] password, Actor admin) {
        if (userName == null || !userName.matches("[A-Za-z0-9._@-]{2,64}")) {
            throw LicensingException.invalid("userName", "INVALID_FORMAT");
        }
        if (password == null || password.length < 10) {
            throw LicensingException.invalid("password", "TOO_SHORT");
        }
        if (exists(userName)) {
            throw LicensingException.invalid("userName", "ALREADY_EXISTS");
        }
        em.persist(new StaffUser(userName, role, password, clock.now()));
        audit.record(admin, "STAFF_USER_CREATED", null, "staff " + userName, "role " + role);
    }
}
