package org.pbxlicensing.domain.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class StaffRoleTest {

    @Test
    void anAdminHoldsEveryRole() {
        assertEquals(Set.of("ADMIN", "SUPPORT", "VIEWER"), StaffRole.ADMIN.grantedRoles());
    }

    @Test
    void supportHoldsSupportAndViewerButNotAdmin() {
        assertEquals(Set.of("SUPPORT", "VIEWER"), StaffRole.SUPPORT.grantedRoles());
        assertFalse(StaffRole.SUPPORT.includes(StaffRole.ADMIN));
    }

    @Test
    void aViewerOnlyViews() {
        assertEquals(Set.of("VIEWER"), StaffRole.VIEWER.grantedRoles());
        assertTrue(StaffRole.VIEWER.includes(StaffRole.VIEWER));
        assertFalse(StaffRole.VIEWER.includes(StaffRole.SUPPORT));
    }

    @Test
    void theRoleNameConstantsMatchTheEnum() {
        assertEquals(StaffRole.ADMIN.name(), StaffRole.ADMIN_NAME);
        assertEquals(StaffRole.SUPPORT.name(), StaffRole.SUPPORT_NAME);
        assertEquals(StaffRole.VIEWER.name(), StaffRole.VIEWER_NAME);
    }
}
