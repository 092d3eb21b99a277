package org.pbxlicensing.web.portal;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.pbxlicensing.domain.audit.AuditEvent;
import org.pbxlicensing.infrastructure.time.ServerClock;
import org.pbxlicensing.service.portal.CustomerLicenses;
import org.pbxlicensing.service.portal.LicenseDetails;

/**
 * The page of one of the customer's licenses ({@code license.xhtml?id=…}). An id that is not a license of
 * the logged-in registration, whether it exists or not, answers the portal's 404 page.
 */
@Named
@RequestScoped
public class LicensePageView {

    private static final String HOST_SUBJECT = "host ";

    @Inject
    CustomerLicenses licenses;

    @Inject
    CustomerSession customer;

    @Inject
    ServerClock clock;

    private String id;
    private LicenseDetails details;

    public void load() {
        Optional<LicenseDetails> found = licenseId()
                .flatMap(licenseId -> licenses.of(customer.registrationId(), licenseId));
        if (found.isPresent()) {
            details = found.get();
        } else {
            answerNotFound();
        }
    }

    private Optional<Long> licenseId() {
        try {
            return id == null ? Optional.empty() : Optional.of(Long.parseLong(id.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void answerNotFound() {
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            faces.getExternalContext().responseSendError(404, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        faces.responseComplete();
    }

    public LicenseDetails getDetails() {
        return details;
    }

    public Long getDaysLeft() {
        return details.license().daysLeftAt(clock.now());
    }

    /** The host an event of the history concerns, where it concerns one. */
    public String host(AuditEvent event) {
        String subject = event.subject();
        return subject != null && subject.startsWith(HOST_SUBJECT) ? subject.substring(HOST_SUBJECT.length()) : "";
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }
}
