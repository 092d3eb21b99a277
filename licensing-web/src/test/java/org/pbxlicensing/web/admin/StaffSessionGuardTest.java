package org.pbxlicensing.web.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.pbxlicensing.domain.staff.StaffRole;
import org.pbxlicensing.service.staff.StaffStanding;
import org.pbxlicensing.web.admin.StaffSessionGuard.Decision;

class StaffSessionGuardTest {

    private static final String PAGE = "/admin/registrations.xhtml";

    @Test
    void aMemberWhoIsAsTheSessionKnowsThemPasses() {
        assertEquals(Decision.PASS, StaffSessionGuard.decide(StaffRole.SUPPORT,
                new StaffStanding(true, StaffRole.SUPPORT, false), false, PAGE));
    }

    @Test
    void aDisabledRemovedOrReRoledMemberIsLoggedOut() {
        assertEquals(Decision.LOG_OUT, StaffSessionGuard.decide(StaffRole.SUPPORT,
                new StaffStanding(false, StaffRole.SUPPORT, false), false, PAGE));
        assertEquals(Decision.LOG_OUT, StaffSessionGuard.decide(StaffRole.SUPPORT, null, false, PAGE));
        assertEquals(Decision.LOG_OUT, StaffSessionGuard.decide(StaffRole.SUPPORT,
                new StaffStanding(true, StaffRole.ADMIN, false), false, PAGE));
    }

    @Test
    void whenASecondFactorIsRequiredAnAdminWithoutOneSeesOnlyTheAccountPage() {
        var admin = new StaffStanding(true, StaffRole.ADMIN, false);
        assertEquals(Decision.ENROL, StaffSessionGuard.decide(StaffRole.ADMIN, admin, true, PAGE));
        assertEquals(Decision.PASS, StaffSessionGuard.decide(StaffRole.ADMIN, admin, true, StaffSessionGuard.ACCOUNT));
        assertEquals(Decision.PASS, StaffSessionGuard.decide(StaffRole.ADMIN, admin, false, PAGE));
        assertEquals(Decision.PASS, StaffSessionGuard.decide(StaffRole.ADMIN,
                new StaffStanding(true, StaffRole.ADMIN, true), true, PAGE));
    }

    @Test
    void otherRolesAreNotAskedToEnrol() {
        assertEquals(Decision.PASS, StaffSessionGuard.decide(StaffRole.VIEWER,
                new StaffStanding(true, StaffRole.VIEWER, false), true, PAGE));
    }
}
