package org.pbxlicensing.service.admin;

import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import org.pbxlicensing.domain.audit.Actor;
import org.pbxlicensing.domain.eula.EulaDraft;
import org.pbxlicensing.domain.eula.EulaVersion;
import org.pbxlicensing.service.eula.EulaQueries;
import org.pbxlicensing.service.eula.EulaService;

/** A feature's agreement versions for staff; admins publish a new one, which every registration must accept again. */
@Stateless
@DeclareRoles({StaffRoles.ADMIN, StaffRoles.SUPPORT, StaffRoles.VIEWER})
@RolesAllowed({StaffRoles.ADMIN, StaffRoles.SUPPORT, StaffRoles.VIEWER})
public class EulaAdmin {

    @Inject
    EulaQueries queries;

    @Inject
    EulaService eulas;

    public long count(int featureNumber) {
        return queries.versionCountOf(featureNumber);
    }

    /** Newest first. */
    public List<EulaVersion> page(int featureNumber, int offset, int limit) {
        return queries.versionsOf(featureNumber, Math.max(offset, 0), Math.min(Math.max(limit, 1), 200));
    }

    @RolesAllowed(StaffRoles.ADMIN)
    public EulaVersion publish(EulaDraft draft, Actor staff) {
        return eulas.publish(draft, staff);
    }
}
