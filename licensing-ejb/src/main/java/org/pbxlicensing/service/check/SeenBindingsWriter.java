package org.pbxlicensing.service.check;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.pbxlicensing.service.binding.BindingQueries;

/**
 * Writes the {@code lastSeenAt} notes of this node's checks every {@link #EVERY_SECONDS} seconds and
 * when the node stops, all in one transaction: one statement per thousand bindings seen within the
 * same 10 seconds, written as the start of those 10 seconds. A note never moves {@code lastSeenAt}
 * back; notes that fail to be written (the database is away) are kept for the next round. A node that
 * dies loses at most one round, which {@code lastSeenAt}'s 30-minute resolution absorbs.
 */
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class SeenBindingsWriter {

    static final int EVERY_SECONDS = 10;

    /** Sightings within one window are written as the window's start: one statement per window and chunk. */
    private static final Duration WINDOW = Duration.ofSeconds(EVERY_SECONDS);
    private static final int CHUNK = 1000;

    private static final Logger LOG = Logger.getLogger(SeenBindingsWriter.class.getName());

    @Inject
    BindingQueries bindings;

    @Inject
    SeenBindings seen;

    @Resource
    UserTransaction transaction;

    @Schedule(hour = "*", minute = "*", second = "*/" + EVERY_SECONDS, persistent = false)
    void writeNotes() {
        Map<Long, Instant> notes = seen.take();
        if (notes.isEmpty()) {
            return;
        }
        try {
            transaction.begin();
            SeenBindings.byWindow(notes, WINDOW, CHUNK).forEach((seenAt, chunks) -> chunks.forEach(ids ->
                    bindings.markSeen(seenAt, ids)));
            transaction.commit();
        } catch (Exception e) {
            rollBack();
            seen.giveBack(notes);
            LOG.log(Level.WARNING, "{0} last-seen notes wait for the next round: {1}", new Object[] {notes.size(), e});
        }
    }

    @PreDestroy
    void writeBeforeStopping() {
        writeNotes();
    }

    private void rollBack() {
        try {
            transaction.rollback();
        } catch (Exception ignored) {
            // nothing began, or it is gone already
        }
    }
}
