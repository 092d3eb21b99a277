package org.pbxlicensing.service.licensev2;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;

/** The statements on the tokens kept for offline request files, by install id and nonce. */
@ApplicationScoped
public class OfflineTokenQueries {

    @PersistenceContext(unitName = "licensing")
    EntityManager em;

    public Optional<String> token(String installId, String nonce) {
        return em.createNativeQuery("SELECT token FROM licensev2_offline_token WHERE install_id = ?1 AND nonce = ?2")
                .setParameter(1, installId)
                .setParameter(2, nonce)
                .getResultStream()
                .map(String.class::cast)
                .findFirst();
    }

    /** Keeps the token for the nonce unless one is kept for it already. */
    public void keepUnlessKept(String installId, String nonce, String token, Instant now) {
        em.createNativeQuery("""
                        INSERT IGNORE INTO licensev2_offline_token (install_id, nonce, token, issued_at)
                        VALUES (?1, ?2, ?3, ?4)""")
                .setParameter(1, installId)
                .setParameter(2, nonce)
                .setParameter(3, token)
                .setParameter(4, now)
                .executeUpdate();
    }
}
