package org.pbxlicensing.infrastructure.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.pbxlicensing.domain.mail.MailStatus;

/**
 * The gauge {@code licensing.mail.outbox.pending}: mails waiting in the outbox. Counted in the
 * database every few seconds rather than at each scrape, so that a scrape never waits for the database.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MailOutboxDepth {

    private static final Logger LOG = Logger.getLogger(MailOutboxDepth.class.getName());

    private final AtomicLong pending = new AtomicLong();

    @PersistenceContext(unitName = "licensing")
    EntityManager em;

    @Inject
    MeterRegistry registry;

    @PostConstruct
    void register() {
        registry.gauge("licensing.mail.outbox.pending", Tags.empty(), pending, AtomicLong::get);
        count();
    }

    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
    void count() {
        try {
            pending.set(em.createQuery("select count(m) from OutboxMail m where m.status = :pending", Long.class)
                    .setParameter("pending", MailStatus.PENDING)
                    .getSingleResult());
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Outbox not counted this time", e);
        }
    }
}
