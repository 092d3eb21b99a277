package org.pbxlicensing.web.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.pbxlicensing.domain.failure.LicensingException;
import org.pbxlicensing.domain.staff.StaffRole;
import org.pbxlicensing.domain.staff.StaffUser;
import org.pbxlicensing.service.staff.StaffAdministration;
import org.pbxlicensing.service.staff.StaffDirectory;

/**
 * Staff users: add one, enable or disable, change a role, set a new password, take a second factor away
 * (admins only: web.xml and the services check it too). Each change needs a reason, which the audit log keeps.
 */
@Named
@RequestScoped
public class StaffUsersView {

    @Inject
    StaffDirectory directory;

    @Inject
    StaffAdministration administration;

    @Inject
    Staff staff;

    private String userName;
    private StaffRole role = StaffRole.VIEWER;
    private String password;
    private String target;
    private StaffRole newRole = StaffRole.VIEWER;
    private String newPassword;
    private String reason;

    public List<StaffUser> getUsers() {
        return directory.all();
    }

    public StaffRole[] getRoles() {
        return StaffRole.values();
    }

    public void create() {
        if (!staff.may(StaffRole.ADMIN)) {
            return;
        }
        try {
            directory.create(userName, role, password == null ? null : password.toCharArray(), staff.actor());
            AdminMessages.info("staff.created");
            userName = null;
        } catch (LicensingException e) {
            AdminMessages.refusal(e);
        }
        password = null;
    }

    public void enable(String userName, boolean enabled) {
        change(() -> administration.enable(userName, enabled, reason, staff.actor()), enabled ? "staff.enabled.done" : "staff.disabled.done");
    }

    public void changeRole() {
        change(() -> administration.changeRole(target, newRole, reason, staff.actor()), "staff.role.changed");
    }

    public void resetPassword() {
        char[] chars = newPassword == null ? null : newPassword.toCharArray();
        change(() -> administration.resetPassword(target, chars, reason, staff.actor()), "staff.password.reset");
        newPassword = null;
    }

    public void resetTotp(String userName) {
        change(() -> administration.resetTotp(userName, reason, staff.actor()), "staff.totp.reset");
    }

    private void change(Runnable change, String done) {
        if (!staff.may(StaffRole.ADMIN)) {
            return;
        }
        try {
            change.run();
            AdminMessages.info(done);
            reason = null;
        } catch (LicensingException e) {
            AdminMessages.refusal(e);
        }
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public String getTarget() {
        return target;
    }

    public void setTarget(String target) {
        this.target = target;
    }

    public StaffRole getNewRole() {
        return newRole;
    }

    public void setNewRole(StaffRole newRole) {
        this.newRole = newRole;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    public String getUserName() {
        return userName;
    }

    public void setUserName(String userName) {
        this.userName = userName;
    }

    public StaffRole getRole() {
        return role;
    }

    public void setRole(StaffRole role) {
        this.role = role;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
