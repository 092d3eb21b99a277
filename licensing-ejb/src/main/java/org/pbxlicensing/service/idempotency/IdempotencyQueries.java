package org.pbxlicensing.service.idempotency;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;

/** The statements on idempotency records: claiming a key, storing its answer, and reading it back. */
@ApplicationScoped
public class IdempotencyQueries {

    /** A claimed key's record as a later request finds it: the digest of the first request, and its answer. */
    public record Stored(String requestDigest, Number status, String body) {

        public StoredAnswer answer() {
            return new StoredAnswer(status.intValue(), body);
        }
    }

    @PersistenceContext(unitName = "licensing")
    EntityManager em;

    /**
     * Forgets the key's record if it was created before {@code before}, so the key can be claimed anew.
     *
     * @return whether it was forgotten
     */
    public boolean forgetKeyCreatedBefore(String scope, String key, Instant before) {
        return em.createNativeQuery(
                        "DELETE FROM idempotency_record WHERE scope = ?1 AND idem_key = ?2 AND created_at < ?3")
                .setParameter(1, scope)
                .setParameter(2, key)
                .setParameter(3, before)
                .executeUpdate() == 1;
    }

    /**
     * Inserts the key's record unless it exists; a concurrent claimant of the key waits on the row
     * until this transaction ends.
     *
     * @return whether this caller claimed it
     */
    public boolean claimKey(String scope, String key, String requestDigest, Instant now) {
        return em.createNativeQuery("""
                        INSERT IGNORE INTO idempotency_record (scope, idem_key, request_hash, created_at)
                        VALUES (?1, ?2, ?3, ?4)""")
                .setParameter(1, scope)
                .setParameter(2, key)
                .setParameter(3, requestDigest)
                .setParameter(4, now)
                .executeUpdate() == 1;
    }

    /** The record of a key claimed and answered before. */
    public Stored storedOf(String scope, String key) {
        List<?> rows = em.createNativeQuery("""
                        SELECT request_hash, response_code, response_body FROM idempotency_record
                        WHERE scope = ?1 AND idem_key = ?2""")
                .setParameter(1, scope)
                .setParameter(2, key)
                .getResultList();
        Object[] row = (Object[]) rows.get(0);
        return new Stored((String) row[0], (Number) row[1], (String) row[2]);
    }

    public void storeAnswer(String scope, String key, int status, String body) {
        em.createNativeQuery("""
                        UPDATE idempotency_record SET response_code = ?1, response_body = ?2
                        WHERE scope = ?3 AND idem_key = ?4""")
                .setParameter(1, status)
                .setParameter(2, body)
                .setParameter(3, scope)
                .setParameter(4, key)
                .executeUpdate();
    }

    public void forgetRecordsCreatedBefore(Instant before) {
        em.createNativeQuery("DELETE FROM idempotency_record WHERE created_at < ?1")
                .setParameter(1, before)
                .executeUpdate();
    }
}
