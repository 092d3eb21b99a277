package org.pbxlicensing.service.binding;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.pbxlicensing.domain.catalog.Feature;

/**
 * Releases every binding silent at a moment, feature by feature and a batch at a time, each binding in
 * a transaction of its own: a conflict with another node releasing the same binding costs this node
 * nothing but that binding, which the other node released.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SilentHostSweep {

    static final int BATCH = 200;
    private static final Logger LOG = Logger.getLogger(SilentHostSweep.class.getName());

    @Inject
    SilentHosts hosts;

    /**
     * @param registrationId only this registration's bindings (tests), or all if null
     * @return the bindings this sweep released
     */
    public int sweep(Instant now, Long registrationId) {
        int released = 0;
        for (Feature feature : hosts.releasingFeatures()) {
            List<Long> silent;
            int releasedOfBatch;
            do {
                silent = hosts.silent(feature, now, registrationId, BATCH);
                releasedOfBatch = 0;
                for (long bindingId : silent) {
                    releasedOfBatch += release(bindingId, now) ? 1 : 0;
                }
                released += releasedOfBatch;
                // A batch that released nothing would come back the same: the rest waits for the next sweep.
            } while (silent.size() == BATCH && releasedOfBatch > 0);
        }
        return released;
    }

    private boolean release(long bindingId, Instant now) {
        try {
            return hosts.release(bindingId, now);
        } catch (RuntimeException e) {
            LOG.log(Level.INFO, "Binding {0} is left to a later sweep: {1}", new Object[] {bindingId, e.toString()});
            return false;
        }
    }
}
