package org.pbxlicensing.domain.staff;

/** What a member of staff may do in the admin area; each role includes the ones below it. */
public enum StaffRole {
    /** Read only. */
    VIEWER,
    /** Look up, reset bindings, revoke coupons. */
    SUPPORT,
    /** Everything, including licenses by hand, coupon batches and staff users. */
    ADMIN;

    public static final String ADMIN_NAME = "ADMIN";
    public static final String SUPPORT_NAME = "SUPPORT";
    public static final String VIEWER_NAME = "VIEWER";

    public boolean includes(StaffRole other) {
        return compareTo(other) >= 0;
    }

    /** The container roles of a member with this role: the role and every role it includes. */
    public java.util.Set<String> grantedRoles() {
        var roles = new java.util.TreeSet<String>();
        for (StaffRole role : values()) {
            if (includes(role)) {
                roles.add(role.name());
            }
        }
        return roles;
    }
}
