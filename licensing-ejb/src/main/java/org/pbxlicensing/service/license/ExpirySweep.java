package org.pbxlicensing.service.license;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.pbxlicensing.domain.license.ExpiryNotice;

/**
 * Sends every reminder and end notice due at a moment, a batch of licenses at a time, each license in a
 * transaction of its own, so that one failure (a database conflict with another node sending the same
 * notice) holds back nothing else; what fails is sent by a later sweep while it is still due.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ExpirySweep {

    static final int BATCH = 200;
    private static final Logger LOG = Logger.getLogger(ExpirySweep.class.getName());

    @Inject
    ExpiryNotices notices;

    /**
     * @param registrationId only this registration's licenses (tests), or all if null
     * @return the notices this sweep sent
     */
    public int sweep(Instant now, Long registrationId) {
        int sent = 0;
        for (ExpiryNotice notice : ExpiryNotice.values()) {
            long after = 0;
            List<Long> due;
            do {
                due = notices.due(notice, now, registrationId, after, BATCH);
                for (long licenseId : due) {
                    sent += send(notice, licenseId, now) ? 1 : 0;
                    after = licenseId;
                }
            } while (due.size() == BATCH);
        }
        return sent;
    }

    private boolean send(ExpiryNotice notice, long licenseId, Instant now) {
        try {
            return notices.send(notice, licenseId, now);
        } catch (RuntimeException e) {
            LOG.log(Level.INFO, "The {0} notice of license {1} is left to a later sweep: {2}",
                    new Object[] {notice, licenseId, e.toString()});
            return false;
        }
    }
}
