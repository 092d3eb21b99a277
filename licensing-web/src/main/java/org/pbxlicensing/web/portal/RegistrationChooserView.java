package org.pbxlicensing.web.portal;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** The registrations a login link opened, to switch between without typing numbers. */
@Named
@RequestScoped
public class RegistrationChooserView {

    @Inject
    CustomerSession customer;

    public List<RegistrationChoice> getChoices() {
        return customer.getChoices();
    }

    public boolean isCurrent(RegistrationChoice choice) {
        return customer.registrationId() == choice.id();
    }

    /** Opens the chosen registration's overview; an id the link did not open changes nothing. */
    public String switchTo(long registrationId) {
        if (!customer.switchTo(registrationId)) {
            PageMessages.error("chooser.unknown");
            return null;
        }
        return "/portal/overview?faces-redirect=true";
    }
}
