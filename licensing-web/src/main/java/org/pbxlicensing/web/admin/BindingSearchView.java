package org.pbxlicensing.web.admin;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.pbxlicensing.service.admin.BindingMatch;
import org.pbxlicensing.service.admin.BindingSearch;
import org.primefaces.model.LazyDataModel;

/** Host bindings of all registrations found by the start of a host id, host name or IP, paged in the database. */
@Named
@ViewScoped
public class BindingSearchView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient BindingSearch search;

    private String text;
    private final LazyDataModel<BindingMatch> results = PagedQuery.of(
            () -> search.count(text),
            (offset, limit) -> search.page(text, offset, limit),
            match -> match.binding().id());

    /** Whether a column's matches reached the limit, so that a longer text may find more. */
    public boolean isTruncated() {
        return results.getRowCount() >= BindingSearch.MAX_MATCHES_PER_COLUMN;
    }

    public LazyDataModel<BindingMatch> getResults() {
        return results;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }
}
