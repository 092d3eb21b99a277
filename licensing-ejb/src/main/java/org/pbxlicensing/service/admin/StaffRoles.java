package org.pbxlicensing.service.admin;

import org.pbxlicensing.domain.staff.StaffRole;

/** Role sets for {@code @RolesAllowed} of the admin services. */
final class StaffRoles {

    static final String ADMIN = StaffRole.ADMIN_NAME;
    static final String SUPPORT = StaffRole.SUPPORT_NAME;
    static final String VIEWER = StaffRole.VIEWER_NAME;

    private StaffRoles() {
    }
}
