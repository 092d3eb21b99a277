package org.pbxlicensing.web.admin;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import org.pbxlicensing.domain.failure.Failure;
import org.pbxlicensing.domain.failure.LicensingException;
import org.pbxlicensing.domain.staff.StaffRole;
import org.pbxlicensing.service.admin.RegistrationAdmin;
import org.pbxlicensing.web.faces.OfflineRequestFile;
import org.pbxlicensing.web.faces.ReportedHolder;

/**
 * The registration page's MikoPBX part: the holders its installations reported (support drops one,
 * it leaves with the installation's next answer) and the answer to an offline request file.
 */
@Named
@ViewScoped
public class RegistrationInstallationsView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient RegistrationAdmin admin;

    @Inject
    RegistrationPageView page;

    @Inject
    Staff staff;

    private transient List<ReportedHolder> holders;
    private transient Part file;
    private String answer;
    private String reason;

    public List<ReportedHolder> getHolders() {
        if (holders == null) {
            holders = admin.installations(page.getRegistration().id()).stream()
                    .flatMap(installation -> ReportedHolder.of(installation).stream())
                    .toList();
        }
        return holders;
    }

    public void dropHolder(String installId, String ref) {
        if (!staff.may(StaffRole.SUPPORT)) {
            return;
        }
        try {
            admin.dropHolder(page.getRegistration().id(), installId, ref, reason, staff.actor());
            AdminMessages.info("holder.dropped");
            reason = null;
        } catch (LicensingException e) {
            AdminMessages.refusal(e);
        }
    }

    public void answerOffline() {
        if (!staff.may(StaffRole.SUPPORT)) {
            return;
        }
        var requestFile = OfflineRequestFile.read(file);
        if (requestFile.isEmpty()) {
            AdminMessages.error("offline.invalid");
            return;
        }
        try {
            answer = admin.answerOffline(page.getRegistration().id(), requestFile.get(), staff.actor()).signed();
        } catch (LicensingException e) {
            AdminMessages.error(e.failure() == Failure.REGISTRATION_NOT_FOUND ? "offline.otherRegistration"
                    : "offline.invalid");
        }
    }

    /** The answer as a file to carry back to the PBX. */
    public void download() throws IOException {
        OfflineRequestFile.download(answer);
    }

    public Part getFile() {
        return file;
    }

    public void setFile(Part file) {
        this.file = file;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public String getAnswer() {
        return answer;
    }
}
