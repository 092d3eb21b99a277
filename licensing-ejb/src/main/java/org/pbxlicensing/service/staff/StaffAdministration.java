package org.pbxlicensing.service.staff;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.pbxlicensing.domain.audit.Actor;
import org.pbxlicensing.domain.failure.LicensingException;
import org.pbxlicensing.domain.staff.StaffRole;
import org.pbxlicensing.domain.staff.StaffUser;
import org.pbxlicensing.service.admin.StaffReason;
import org.pbxlicensing.service.audit.AuditLog;

/**
 * An admin manages other staff users: enables and disables them, changes their role, sets a new
 * password, takes their second factor away. Every change needs a reason and is audited with it and the
 * acting admin. The last
 * enabled admin can be neither disabled nor demoted: the change first locks every enabled admin's row,
 * so two admins demoting each other at once are decided one after the other and the second is refused.
 */
@Stateless
@RolesAllowed(StaffRole.ADMIN_NAME)
public class StaffAdministration {

    @PersistenceContext(unitName = "licensing")
    EntityManager em;

    @Inject
    StaffQueries queries;

    @Inject
    AuditLog audit;

    public void enable(String userName, boolean enabled, String reason, Actor admin) {
        String why = StaffReason.require(reason);
        List<String> admins = lockEnabledAdmins();
        StaffUser user = find(userName);
        if (!enabled) {
            requireAnotherEnabledAdmin(user, admins);
        }
        user.enable(enabled);
        audit.record(admin, enabled ? "STAFF_USER_ENABLED" : "STAFF_USER_DISABLED", null, "staff " + userName,
                "reason: " + why);
    }

    public void changeRole(String userName, StaffRole role, String reason, Actor admin) {
        String why = StaffReason.require(reason);
        List<String> admins = lockEnabledAdmins();
        StaffUser user = find(userName);
        if (role != StaffRole.ADMIN) {
            requireAnotherEnabledAdmin(user, admins);
        }
        StaffRole before = user.role();
        user.changeRole(role);
        audit.record(admin, "STAFF_ROLE_CHANGED", null, "staff " + userName, "role " + before + " -> " + role
                + ", reason: " + why);
    }

    public void resetPassword(String userName, char[] password, String reason, Actor admin) {
        String why = StaffReason.require(reason);
        StaffPasswords.requireStrong(password);
        find(userName).changePassword(password);
        audit.record(admin, "STAFF_PASSWORD_RESET", null, "staff " + userName, "reason: " + why);
    }

    public void resetTotp(String userName, String reason, Actor admin) {
        String why = StaffReason.require(reason);
        find(userName).removeTotp();
        queries.forgetRecoveryCodes(userName);
        audit.record(admin, "STAFF_TOTP_RESET", null, "staff " + userName, "reason: " + why);
    }

    private StaffUser find(String userName) {
        StaffUser user = userName == null ? null : em.find(StaffUser.class, userName, LockModeType.PESSIMISTIC_WRITE);
        if (user == null) {
            throw LicensingException.invalid("userName", "NOT_FOUND");
        }
        return user;
    }

    /**
     * The names of the enabled admins, read with a locking read before anything else: a concurrent
     * change of any of them is waited for and then seen, and every change takes these locks in the same
     * order, before the row it changes, so two of them cannot deadlock on each other.
     */
    private List<String> lockEnabledAdmins() {
        return queries.lockedEnabledAdmins().stream()
                .map(StaffUser::userName)
                .toList();
    }

    /** Refuses to take the admin role from the user (by disabling or demoting) when no other enabled admin is left. */
    private static void requireAnotherEnabledAdmin(StaffUser user, List<String> enabledAdmins) {
        if (enabledAdmins.contains(user.userName()) && enabledAdmins.size() < 2) {
            throw LicensingException.invalid("userName", "LAST_ADMIN");
        }
    }
}
