package org.pbxlicensing.web.portal;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.Serializable;
import org.pbxlicensing.domain.audit.Actor;
import org.pbxlicensing.domain.audit.ActorType;
import org.pbxlicensing.domain.failure.LicensingException;
import org.pbxlicensing.service.licensev2.EntitlementService;
import org.pbxlicensing.web.request.ClientRequest;
import org.pbxlicensing.web.faces.OfflineRequestFile;

/**
 * Offline activation of a MikoPBX on a closed network: the customer uploads the PBX's request
 * file and carries the answer file back to it. The answer stays with the view, so that the
 * download button, a post of its own, still has it.
 */
@Named
@ViewScoped
public class OfflineView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient EntitlementService entitlements;

    @Inject
    CustomerSession customer;

    @Inject
    ClientRequest client;

    private transient Part file;
    private String answer;

    public void answer() {
        var requestFile = OfflineRequestFile.read(file);
        if (requestFile.isEmpty()) {
            PageMessages.error("offline.invalid");
            return;
        }
        try {
            var reply = entitlements.answerOfflineOf(customer.registrationId(), requestFile.get(),
                    new Actor(ActorType.PORTAL, null, client.address()));
            answer = reply.signed();
        } catch (LicensingException e) {
            PageMessages.error(e.failure() == org.pbxlicensing.domain.failure.Failure.REGISTRATION_NOT_FOUND
                    ? "offline.otherRegistration" : "offline.invalid");
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

    public String getAnswer() {
        return answer;
    }
}
