package org.pbxlicensing.service.licensev2;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.pbxlicensing.infrastructure.time.ServerClock;

/**
 * Tokens answering offline request files, kept by install id and nonce: the same file uploaded
 * again, or uploaded twice at once, gets the token of the first answer.
 */
@Stateless
public class OfflineTokens {

    @PersistenceContext(unitName = "licensing")
    EntityManager em;

    @Inject
    ServerClock clock;

    public Optional<String> find(String installId, String nonce) {
        return em.createNativeQuery("SELECT token FROM licensev2_offline_token WHERE install_id = ?1 AND nonce = ?2")
                .setParameter(1, installId)
                .setParameter(2, nonce)
                .getResultStream()
                .map(String.class::cast)
                .findFirst();
    }

    /** @return the token kept for the nonce: this one, or the one of an upload that came first */
    public String keep(String installId, String nonce, String token) {
        em.createNativeQuery("""
                        INSERT IGNORE INTO licensev2_offline_token (install_id, nonce, token, issued_at)
                        VALUES (?1, ?2, ?3, ?4)""")
                .setParameter(1, installId)
                .setParameter(2, nonce)
                .setParameter(3, token)
                .setParameter(4, clock.now())
                .executeUpdate();
        return find(installId, nonce).orElseThrow();
    }
}
