package org.pbxlicensing.web.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.pbxlicensing.domain.failure.LicensingException;
import org.pbxlicensing.domain.staff.StaffRole;
import org.pbxlicensing.service.staff.StaffAccount;
import org.pbxlicensing.service.staff.StaffAccount.Enrolment;

/** The member's own account: a new password, and the second factor (enrol, remove). */
@Named
@RequestScoped
public class AccountView {

    @Inject
    StaffAccount account;

    @Inject
    Staff staff;

    @Inject
    @ConfigProperty(name = "licensing.admin.require-totp", defaultValue = "false")
    boolean requireTotp;

    private String currentPassword;
    private String newPassword;
    private String code;
    private List<String> recoveryCodes = List.of();
    private Optional<Enrolment> enrolment;

    public void changePassword() {
        try {
            account.changePassword(chars(currentPassword), chars(newPassword), staff.actor());
            AdminMessages.info("account.password.changed");
        } catch (LicensingException e) {
            AdminMessages.refusal(e);
        }
        currentPassword = null;
        newPassword = null;
    }

    public void startTotp() {
        try {
            enrolment = Optional.of(account.startTotp());
        } catch (LicensingException e) {
            AdminMessages.refusal(e);
        }
    }

    public void confirmTotp() {
        try {
            recoveryCodes = account.confirmTotp(code, staff.actor());
            enrolment = Optional.empty();
            AdminMessages.info("totp.enrolled");
        } catch (LicensingException e) {
            AdminMessages.refusal(e);
        }
        code = null;
    }

    public void removeTotp() {
        try {
            account.removeTotp(chars(currentPassword), code, staff.actor());
            AdminMessages.info("totp.removed");
        } catch (LicensingException e) {
            AdminMessages.refusal(e);
        }
        currentPassword = null;
        code = null;
    }

    public boolean isTotpEnabled() {
        return account.hasTotp();
    }

    /** An admin who has to enrol a second factor before any other admin page opens to them. */
    public boolean isTotpRequired() {
        return requireTotp && staff.may(StaffRole.ADMIN) && !isTotpEnabled();
    }

    /** The enrolment waiting for its first code, if one was started. */
    public Enrolment getEnrolment() {
        if (enrolment == null) {
            enrolment = account.pendingTotp();
        }
        return enrolment.orElse(null);
    }

    public String getQrImage() {
        Enrolment pending = getEnrolment();
        return pending == null ? null : QrCode.svgDataUri(pending.uri());
    }

    /** The secret in groups of four, as it is typed into an app by hand. */
    public String getGroupedSecret() {
        Enrolment pending = getEnrolment();
        return pending == null ? null : pending.secret().replaceAll("(.{4})(?!$)", "$1 ");
    }

    public List<String> getRecoveryCodes() {
        return recoveryCodes;
    }

    private static char[] chars(String text) {
        return text == null ? null : text.toCharArray();
    }

    public String getCurrentPassword() {
        return currentPassword;
    }

    public void setCurrentPassword(String currentPassword) {
        this.currentPassword = currentPassword;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }
}
