package org.pbxlicensing.service.license;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pbxlicensing.domain.audit.Actor;
import org.pbxlicensing.domain.event.LifecycleEvent;
import org.pbxlicensing.domain.event.LifecycleEventType;
import org.pbxlicensing.domain.license.ExpiryNotice;
import org.pbxlicensing.domain.license.ExpiryReminders;
import org.pbxlicensing.domain.license.License;
import org.pbxlicensing.domain.mail.OutboxMail;
import org.pbxlicensing.domain.registration.Registration;
import org.pbxlicensing.infrastructure.config.LicensingSettings;
import org.pbxlicensing.service.audit.AuditLog;
import org.pbxlicensing.service.mail.MailOutbox;

/**
 * Tells a trial or term license's customer of its coming end and of its end, each once per license:
 * the node that inserts the license's notice row sends the mail, records it and raises the event, all
 * in that one transaction; any other node, sweep or restart finds the row and sends nothing.
 */
@Stateless
public class ExpiryNotices {

    @PersistenceContext(unitName = "licensing")
    EntityManager em;

    @Inject
    LicenseQueries licenses;

    @Inject
    LicensingSettings settings;

    @Inject
    MailOutbox outbox;

    @Inject
    AuditLog audit;

    @Inject
    Event<LifecycleEvent> events;

    /**
     * Licenses due for the notice at {@code now} that have not had it, after {@code afterId} in id
     * order: found by their end (an index range of a few days), never a license that a later one of
     * the same registration and feature continues (the customer bought it already).
     *
     * @param registrationId only this registration's licenses, or all if null
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<Long> due(ExpiryNotice notice, Instant now, Long registrationId, long afterId, int limit) {
        ExpiryReminders rules = settings.expiryReminders();
        return licenses.dueForNotice(notice, rules.endsAfter(notice, now), rules.endsNoLaterThan(notice, now), now,
                registrationId, afterId, limit);
    }

    /** @return whether this call sent the notice (false: not due, or sent already by anyone) */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean send(ExpiryNotice notice, long licenseId, Instant now) {
        License license = em.find(License.class, licenseId);
        if (license == null || license.revokedAt() != null
                || !settings.expiryReminders().due(notice, license.kind(), license.endsAt(), now)
                || !licenses.claimNotice(notice, licenseId, now)) {
            return false;
        }
        Registration registration = license.registration();
        outbox.queue(notice == ExpiryNotice.REMINDER
                ? OutboxMail.licenseExpiring(registration, license, now)
                : OutboxMail.licenseExpired(registration, license, now));
        audit.recordForLicense(Actor.system(),
                notice == ExpiryNotice.REMINDER ? "LICENSE_END_REMINDED" : "LICENSE_ENDED", registration.id(), license.id(),
                "license " + license.id(), "feature " + license.feature().number() + ", "
                        + license.kind() + ", ends at " + license.endsAt());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("feature", license.feature().number());
        data.put("kind", license.kind().name());
        data.put("expiresAt", license.endsAt());
        events.fire(new LifecycleEvent(notice == ExpiryNotice.REMINDER
                ? LifecycleEventType.LICENSE_EXPIRING : LifecycleEventType.LICENSE_EXPIRED,
                now, registration.number().value(), data));
        return true;
    }
}
