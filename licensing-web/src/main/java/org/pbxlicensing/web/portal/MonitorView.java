package org.pbxlicensing.web.portal;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.pbxlicensing.domain.audit.Actor;
import org.pbxlicensing.domain.audit.ActorType;
import org.pbxlicensing.domain.binding.HostBinding;
import org.pbxlicensing.domain.binding.ResetAllowance;
import org.pbxlicensing.domain.failure.LicensingException;
import org.pbxlicensing.domain.session.LicenseSession;
import org.pbxlicensing.infrastructure.retry.RetryOnConflict;
import org.pbxlicensing.service.licensev2.InstallationRegistry;
import org.pbxlicensing.service.portal.CustomerPortal;
import org.pbxlicensing.service.session.SessionMonitor;
import org.pbxlicensing.web.request.ClientRequest;
import org.pbxlicensing.web.faces.ReportedHolder;

/**
 * The session monitor: the registration's host bindings, with details and a reset. The row a
 * customer picks is only a host id and a feature number; the portal service looks it up within
 * the customer's own registration.
 */
@Named
@ViewScoped
public class MonitorView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    CustomerPortal portal;

    @Inject
    CustomerSession customer;

    @Inject
    ClientRequest client;

    @Inject
    SessionMonitor sessionMonitor;

    private transient List<HostBinding> bindings;
    private transient List<LicenseSession> sessions;
    private transient List<ReportedHolder> reportedHolders;
    private transient Map<Long, ResetAllowance> resetAllowances;

    @Inject
    InstallationRegistry installations;

    @Inject
    Dates dates;
    private String selectedHost;
    private int selectedFeature;

    public List<HostBinding> getBindings() {
        if (bindings == null) {
            bindings = portal.bindings(customer.registrationId());
        }
        return bindings;
    }

    /** Resets the binding's license still allows within its 30-day quota, staff grants included. */
    public int resetsLeft(HostBinding binding) {
        if (resetAllowances == null) {
            resetAllowances = portal.resetAllowances(customer.registrationId());
        }
        ResetAllowance allowance = resetAllowances.get(binding.license().id());
        return allowance == null ? 0 : allowance.left();
    }

    /**
     * When the binding is released if its host stays silent, where its feature releases silent hosts;
     * null otherwise.
     */
    public Instant silentReleaseAt(HostBinding binding) {
        if (binding == null) {
            return null;
        }
        return binding.license().feature().silentHostRelease()
                .map(release -> release.releaseAt(binding.lastSeenAt()))
                .orElse(null);
    }

    /** Live sessions of the registration's per-session features (the second tab). */
    public List<LicenseSession> getSessions() {
        if (sessions == null) {
            sessions = sessionMonitor.liveSessions(customer.getRegistrationNumber(), client.address());
        }
        return sessions;
    }

    /** Seat holders that the registration's MikoPBX installations reported. */
    public List<ReportedHolder> getReportedHolders() {
        if (reportedHolders == null) {
            reportedHolders = installations.ofRegistration(customer.registrationId()).stream()
                    .flatMap(installation -> ReportedHolder.of(installation).stream())
                    .toList();
        }
        return reportedHolders;
    }

    public HostBinding getSelected() {
        return getBindings().stream()
                .filter(b -> b.hostId().equals(selectedHost) && b.featureNumber() == selectedFeature)
                .findFirst()
                .orElse(null);
    }

    public void select(String hostId, int feature) {
        selectedHost = hostId;
        selectedFeature = feature;
    }

    @RetryOnConflict
    public void reset() {
        try {
            portal.resetBinding(customer.registrationId(), selectedHost, selectedFeature,
                    new Actor(ActorType.PORTAL, null, client.address()));
            PageMessages.info("monitor.reset.done");
        } catch (LicensingException e) {
            if (e.details().get("nextResetAt") instanceof String next) {
                PageMessages.error("monitor.reset.quotaExceeded", dates.dateTime(Instant.parse(next)));
            } else {
                PageMessages.failure(e.failure());
            }
        }
        bindings = null;
        resetAllowances = null;
    }

    public String getSelectedHost() {
        return selectedHost;
    }

    public void setSelectedHost(String selectedHost) {
        this.selectedHost = selectedHost;
    }

    public int getSelectedFeature() {
        return selectedFeature;
    }

    public void setSelectedFeature(int selectedFeature) {
        this.selectedFeature = selectedFeature;
    }
}
