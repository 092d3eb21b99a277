package org.pbxlicensing.web.portal;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.pbxlicensing.domain.audit.Actor;
import org.pbxlicensing.domain.audit.ActorType;
import org.pbxlicensing.domain.failure.LicensingException;
import org.pbxlicensing.service.licensev2.EntitlementService;
import org.pbxlicensing.web.api.support.ClientRequest;

/**
 * Offline activation of a MikoPBX on a closed network: the customer uploads the PBX's request
 * file and carries the answer file back to it.
 */
@Named
@RequestScoped
public class OfflineView {

    /** The LicenseV2 limit on a request body. */
    private static final int MAX_FILE_BYTES = 2 * 1024 * 1024;

    @Inject
    EntitlementService entitlements;

    @Inject
    CustomerSession customer;

    @Inject
    ClientRequest client;

    private Part file;
    private String answer;

    public void answer() {
        if (file == null || file.getSize() == 0 || file.getSize() > MAX_FILE_BYTES) {
            PageMessages.error("offline.invalid");
            return;
        }
        try (InputStream in = file.getInputStream()) {
            var reply = entitlements.answerOfflineOf(customer.registrationId(), in.readAllBytes(),
                    new Actor(ActorType.PORTAL, null, client.address()));
            answer = reply.body();
        } catch (LicensingException e) {
            PageMessages.error(e.failure() == org.pbxlicensing.domain.failure.Failure.REGISTRATION_NOT_FOUND
                    ? "offline.otherRegistration" : "offline.invalid");
        } catch (IOException e) {
            PageMessages.error("offline.invalid");
        }
    }

    /** The answer as a file to carry back to the PBX. */
    public void download() throws IOException {
        var context = FacesContext.getCurrentInstance();
        var external = context.getExternalContext();
        external.responseReset();
        external.setResponseContentType("application/json");
        external.setResponseHeader("Content-Disposition", "attachment; filename=\"license-answer.json\"");
        external.getResponseOutputStream().write((answer == null ? "" : answer).getBytes(StandardCharsets.UTF_8));
        context.responseComplete();
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

    public void setAnswer(String answer) {
        this.answer = answer;
    }
}
