package org.pbxlicensing.service.staff;

import org.pbxlicensing.domain.staff.StaffRole;

/** What a logged-in member's session must still match: enabled, the same role, a second factor or not. */
public record StaffStanding(boolean enabled, StaffRole role, boolean totpEnabled) {
}
