package org.pbxlicensing.web.admin;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.pbxlicensing.domain.registration.Registration;
import org.pbxlicensing.service.admin.RegistrationSearch;
import org.primefaces.model.LazyDataModel;

/** Registrations found by number, email, company or host id, paged in the database. */
@Named
@ViewScoped
public class RegistrationsView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    RegistrationSearch search;

    private String text;
    private final LazyDataModel<Registration> results = PagedQuery.of(
            () -> search.count(text),
            (offset, limit) -> search.page(text, offset, limit),
            Registration::id);

    public LazyDataModel<Registration> getResults() {
        return results;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }
}
