package org.pbxlicensing.web.admin;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.pbxlicensing.domain.coupon.CouponBatch;
import org.pbxlicensing.domain.registration.Registration;
import org.pbxlicensing.service.admin.AdminSearch;
import org.pbxlicensing.service.admin.BindingMatch;
import org.pbxlicensing.service.admin.BindingSearch;
import org.pbxlicensing.service.admin.CouponMatch;
import org.pbxlicensing.service.admin.InstallationMatch;
import org.primefaces.model.LazyDataModel;

/** The results of the header's search box, grouped by kind, each group paged in the database. */
@Named
@ViewScoped
public class SearchView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient AdminSearch search;

    @Inject
    transient BindingSearch bindingSearch;

    private String text;
    private Counts counts;

    /** How many of each kind the text found, counted once per search. */
    public record Counts(long registrations, long coupons, long bindings, long installations) implements Serializable {

        boolean none() {
            return registrations + coupons + bindings + installations == 0;
        }

        boolean anyCapped() {
            return registrations >= AdminSearch.MAX_MATCHES_PER_INDEX || coupons >= AdminSearch.MAX_MATCHES_PER_INDEX
                    || bindings >= BindingSearch.MAX_MATCHES_PER_COLUMN
                    || installations >= AdminSearch.MAX_MATCHES_PER_INDEX;
        }
    }

    private final LazyDataModel<Registration> registrations = PagedQuery.of(
            () -> getCounts().registrations(),
            (offset, limit) -> search.registrations(text, offset, limit),
            Registration::id);

    private final LazyDataModel<CouponMatch> coupons = PagedQuery.of(
            () -> getCounts().coupons(),
            (offset, limit) -> search.coupons(text, offset, limit),
            match -> match.coupon().id());

    private final LazyDataModel<BindingMatch> bindings = PagedQuery.of(
            () -> getCounts().bindings(),
            (offset, limit) -> bindingSearch.page(text, offset, limit),
            match -> match.binding().id());

    private final LazyDataModel<InstallationMatch> installations = PagedQuery.of(
            () -> getCounts().installations(),
            (offset, limit) -> search.installations(text, offset, limit),
            match -> match.installation().installId());

    public Counts getCounts() {
        if (counts == null) {
            counts = text == null || text.isBlank() ? new Counts(0, 0, 0, 0)
                    : new Counts(search.countRegistrations(text), search.countCoupons(text), bindingSearch.count(text),
                            search.countInstallations(text));
        }
        return counts;
    }

    public boolean isNothingFound() {
        return getCounts().none();
    }

    /** Whether a kind reached its lookups' limit, so that a longer text may find what is missing. */
    public boolean isCapped() {
        return getCounts().anyCapped();
    }

    public String batchLabel(CouponBatch batch) {
        String label = batch.label();
        return label != null ? label : java.text.MessageFormat.format(AdminMessages.text("batch.unnamed"), batch.id());
    }

    public LazyDataModel<Registration> getRegistrations() {
        return registrations;
    }

    public LazyDataModel<CouponMatch> getCoupons() {
        return coupons;
    }

    public LazyDataModel<BindingMatch> getBindings() {
        return bindings;
    }

    public LazyDataModel<InstallationMatch> getInstallations() {
        return installations;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text == null ? null : text.strip();
        this.counts = null;
    }
}
