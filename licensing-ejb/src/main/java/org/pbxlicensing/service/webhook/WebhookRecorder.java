package org.pbxlicensing.service.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.pbxlicensing.domain.event.LifecycleEvent;

/**
 * Hears every lifecycle event synchronously, inside the transaction that raised it, and writes it to
 * the outbox there: a change that rolls back leaves no delivery behind, one that commits always has it.
 */
@ApplicationScoped
public class WebhookRecorder {

    @Inject
    WebhookOutbox outbox;

    void record(@Observes LifecycleEvent event) {
        outbox.record(event);
    }
}
