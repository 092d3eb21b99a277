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
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.pbxlicensing.service.mail.MailQueries;

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

    @Inject
    MailQueries mails;

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
            pending.set(mails.pendingCount());
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Outbox not counted this time", e);
        }
    }
}
