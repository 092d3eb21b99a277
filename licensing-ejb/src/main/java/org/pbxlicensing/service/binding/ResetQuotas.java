package org.pbxlicensing.service.binding;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pbxlicensing.domain.audit.Actor;
import org.pbxlicensing.domain.binding.LicenseReset;
import org.pbxlicensing.domain.binding.ResetAllowance;
import org.pbxlicensing.domain.binding.ResetGrant;
import org.pbxlicensing.domain.binding.ResetQuota;
import org.pbxlicensing.domain.failure.Failure;
import org.pbxlicensing.domain.failure.LicensingException;
import org.pbxlicensing.domain.license.License;
import org.pbxlicensing.infrastructure.config.LicensingSettings;
import org.pbxlicensing.service.audit.AuditLog;

/**
 * Counts customers' resets against each license's {@link ResetQuota}. Callers hold the lock of the
 * license's registration, so two resets of one registration are counted one after the other.
 */
@Stateless
public class ResetQuotas {

    @PersistenceContext(unitName = "licensing")
    EntityManager em;

    @Inject
    LicensingSettings settings;

    @Inject
    AuditLog audit;

    @Inject
    ResetQuotaQueries resets;

    /** The resets the license allows at {@code now}. */
    public ResetAllowance allowance(License license, Instant now) {
        List<Instant> counted = resets.resetTimesSince(license.id(), now.minus(ResetQuota.WINDOW));
        return settings.resetQuota().allowance(counted, unspentGrants(license).size(), now);
    }

    /**
     * Spends one reset of each license for the host, or none at all.
     *
     * @throws LicensingException {@code RESET_QUOTA_EXCEEDED} with {@code nextResetAt} (the latest of the
     *                            refusing licenses) and {@code retryAfterSeconds}, if any license has none left
     */
    public void spend(List<License> licenses, String hostId, Actor actor, Instant now) {
        if (!ResetQuota.counts(actor.type())) {
            return;
        }
        var allowances = new LinkedHashMap<License, ResetAllowance>();
        licenses.stream().distinct().forEach(license -> allowances.put(license, allowance(license, now)));
        refuseIfAnyIsUsedUp(allowances.values(), now);
        allowances.forEach((license, allowance) -> {
            if (allowance.spendsGrant()) {
                unspentGrants(license).get(0).spend(hostId, now);
            } else {
                em.persist(new LicenseReset(license.id(), hostId, now));
            }
        });
    }

    /** Staff give the license one reset beyond its quota. */
    public void grant(License license, Actor staff, String reason, Instant now) {
        em.persist(new ResetGrant(license.id(), staff.name(), reason, now));
        audit.recordForLicense(staff, "RESET_GRANTED", license.registrationId(), license.id(), "license " + license.id(),
                "feature " + license.feature().number() + ", reason: " + reason);
    }

    private static void refuseIfAnyIsUsedUp(Collection<ResetAllowance> allowances, Instant now) {
        List<ResetAllowance> refusing = allowances.stream().filter(a -> !a.permitsReset()).toList();
        if (refusing.isEmpty()) {
            return;
        }
        if (refusing.stream().anyMatch(a -> a.nextResetAt() == null)) {
            throw new LicensingException(Failure.RESET_QUOTA_EXCEEDED);
        }
        // All or nothing: the host can be reset once the last of its refusing licenses allows it.
        Instant next = refusing.stream().map(ResetAllowance::nextResetAt).max(Comparator.naturalOrder()).orElseThrow();
        throw new LicensingException(Failure.RESET_QUOTA_EXCEEDED, Map.of(
                "nextResetAt", next.toString(),
                "retryAfterSeconds", Math.max(1, Duration.between(now, next).toSeconds())));
    }

    private List<ResetGrant> unspentGrants(License license) {
        return resets.unspentGrants(license.id());
    }
}
