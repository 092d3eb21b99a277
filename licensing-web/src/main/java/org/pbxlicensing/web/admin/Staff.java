package org.pbxlicensing.web.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import org.pbxlicensing.domain.audit.Actor;
import org.pbxlicensing.domain.audit.ActorType;
import org.pbxlicensing.domain.staff.StaffRole;
import org.pbxlicensing.web.request.ClientRequest;

/** The logged-in member of staff: name, what they may do, and who they are in the audit trail. */
@Named
@RequestScoped
public class Staff {

    @Inject
    SecurityContext security;

    @Inject
    ClientRequest client;

    /** The member of staff's name; none for a visitor, whom WildFly names "anonymous" but gives no role. */
    public String getName() {
        var caller = security.getCallerPrincipal();
        return caller == null || !security.isCallerInRole(StaffRole.VIEWER_NAME) ? null : caller.getName();
    }

    public boolean isSupport() {
        return security.isCallerInRole(StaffRole.SUPPORT_NAME);
    }

    public boolean isAdmin() {
        return security.isCallerInRole(StaffRole.ADMIN_NAME);
    }

    /** Whether the caller holds the role; if not, the page says so (it would not have offered the action). */
    boolean may(StaffRole role) {
        if (security.isCallerInRole(role.name())) {
            return true;
        }
        AdminMessages.error("not.allowed");
        return false;
    }

    Actor actor() {
        return new Actor(ActorType.ADMIN, getName(), client.address());
    }
}
