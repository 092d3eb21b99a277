package org.pbxlicensing.service.licensev2;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;

/** The statements on the holders of seats dropped for an installation's next answer. */
@ApplicationScoped
public class HolderDropQueries {

    @PersistenceContext(unitName = "licensing")
    EntityManager em;

    /** Asks for the holder's drop; a drop asked for again is delivered again. */
    public void requestDrop(String installId, String ref, Instant now, String requestedBy) {
        em.createNativeQuery("""
                        INSERT INTO licensev2_holder_drop (install_id, ref, requested_at, requested_by)
                        VALUES (?1, ?2, ?3, ?4)
                        ON DUPLICATE KEY UPDATE requested_at = ?3, requested_by = ?4, delivered_at = NULL""")
                .setParameter(1, installId)
                .setParameter(2, ref)
                .setParameter(3, now)
                .setParameter(4, requestedBy)
                .executeUpdate();
    }

    public boolean anyUndelivered(String installId) {
        return !em.createNativeQuery(
                        "SELECT 1 FROM licensev2_holder_drop WHERE install_id = ?1 AND delivered_at IS NULL LIMIT 1")
                .setParameter(1, installId)
                .getResultList()
                .isEmpty();
    }

    /** The refs of the drops not delivered yet, oldest first, locked for the caller's transaction. */
    @SuppressWarnings("unchecked")
    public List<String> undeliveredForUpdate(String installId) {
        return em.createNativeQuery("""
                        SELECT ref FROM licensev2_holder_drop WHERE install_id = ?1 AND delivered_at IS NULL
                        ORDER BY requested_at, ref FOR UPDATE""")
                .setParameter(1, installId)
                .getResultList();
    }

    public void markDelivered(String installId, Instant now) {
        em.createNativeQuery("""
                        UPDATE licensev2_holder_drop SET delivered_at = ?1
                        WHERE install_id = ?2 AND delivered_at IS NULL""")
                .setParameter(1, now)
                .setParameter(2, installId)
                .executeUpdate();
    }
}
