package org.pbxlicensing.web.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.pbxlicensing.domain.failure.LicensingException;
import org.pbxlicensing.domain.staff.StaffRole;
import org.pbxlicensing.domain.staff.StaffUser;
import org.pbxlicensing.service.staff.StaffDirectory;

/** Staff users and a form to add one (admins only: web.xml and the service check it too). */
@Named
@RequestScoped
public class StaffUsersView {

    @Inject
    StaffDirectory directory;

    @Inject
    Staff staff;

    private String userName;
    private StaffRole role = StaffRole.VIEWER;
    private String password;

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
