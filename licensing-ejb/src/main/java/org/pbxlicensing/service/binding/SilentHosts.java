package org.pbxlicensing.service.binding;

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
import java.util.Optional;
import org.pbxlicensing.domain.audit.Actor;
import org.pbxlicensing.domain.binding.HostBinding;
import org.pbxlicensing.domain.catalog.Feature;
import org.pbxlicensing.domain.catalog.SilentHostRelease;
import org.pbxlicensing.domain.event.LifecycleEvent;
import org.pbxlicensing.domain.event.LifecycleEventType;
import org.pbxlicensing.domain.mail.OutboxMail;
import org.pbxlicensing.domain.registration.Registration;
import org.pbxlicensing.service.audit.AuditLog;
import org.pbxlicensing.service.catalog.FeatureQueries;
import org.pbxlicensing.service.mail.MailOutbox;
import org.pbxlicensing.service.registration.RegistrationClaimLock;

/**
 * Releases the bindings of hosts that sent no check or poll for their feature's days of silence. A
 * release is one conditional {@code UPDATE} that only an unreleased, still silent binding passes: the
 * node whose update wins records it, mails the customer and raises the event in that transaction; a
 * host that was seen in the meantime, or a binding another node released, is left alone. It spends
 * nothing of the customer's reset quota: the customer did not ask for it.
 */
@Stateless
public class SilentHosts {

    /** Who released a binding, as the event tells it. */
    public static final String BY_SILENT_HOST = "SILENT_HOST";

    @PersistenceContext(unitName = "licensing")
    EntityManager em;

    @Inject
    BindingQueries bindings;

    @Inject
    FeatureQueries features;

    @Inject
    AuditLog audit;

    @Inject
    MailOutbox outbox;

    @Inject
    Event<LifecycleEvent> events;

    /** The features that release silent hosts. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<Feature> releasingFeatures() {
        return features.featuresReleasingSilentHosts();
    }

    /**
     * Unreleased bindings of the feature silent at {@code now}, longest silent first.
     *
     * @param registrationId only this registration's bindings, or all if null
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<Long> silent(Feature feature, Instant now, Long registrationId, int limit) {
        Optional<SilentHostRelease> release = feature.silentHostRelease();
        if (release.isEmpty()) {
            return List.of();
        }
        return bindings.silentBindingIds(feature.number(), release.get().lastSeenNoLaterThan(now), registrationId,
                limit);
    }

    /** @return whether this call released the binding */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean release(long bindingId, Instant now) {
        HostBinding binding = em.find(HostBinding.class, bindingId);
        if (binding == null || !binding.isActive()) {
            return false;
        }
        Feature feature = binding.license().feature();
        Optional<SilentHostRelease> rule = feature.silentHostRelease();
        if (rule.isEmpty() || !rule.get().isSilent(binding.lastSeenAt(), now)) {
            return false;
        }
        RegistrationClaimLock.lock(em, binding.registrationId());
        String reason = "host silent for " + rule.get().days() + " days";
        if (!bindings.releaseIfSilent(bindingId, now, reason, rule.get().lastSeenNoLaterThan(now))) {
            return false;
        }
        em.refresh(binding);
        Registration registration = em.find(Registration.class, binding.registrationId());
        audit.recordForLicense(Actor.system(), "BINDING_RELEASED_SILENT", registration.id(),
                binding.license().id(), "host " + binding.hostId(),
                "feature " + feature.number() + ", license " + binding.license().id() + ", last seen "
                        + binding.lastSeenAt() + ", " + reason);
        outbox.queue(OutboxMail.silentHostReleased(registration, binding, now));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("hostId", binding.hostId());
        data.put("feature", feature.number());
        data.put("by", BY_SILENT_HOST);
        events.fire(new LifecycleEvent(LifecycleEventType.BINDING_RELEASED, now, registration.number().value(), data));
        return true;
    }
}
