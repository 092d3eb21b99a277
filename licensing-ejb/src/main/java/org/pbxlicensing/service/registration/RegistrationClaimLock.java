package org.pbxlicensing.service.registration;

import jakarta.persistence.EntityManager;

/**
 * Serialises the claims on one registration (seats, trials, sessions) in the caller's transaction.
 * The lock is an {@code UPDATE} of the registration's row rather than {@code SELECT … FOR UPDATE}:
 * InnoDB locks the row the same way, and on a Galera cluster, where a lock stays on its member, the
 * write goes into the transaction's write set, so that two members claiming for one registration at
 * once conflict at certification (error 1213, and one of them is retried) instead of both committing.
 */
public final class RegistrationClaimLock {

    private RegistrationClaimLock() {
    }

    public static void lock(EntityManager em, long registrationId) {
        em.createNativeQuery("UPDATE registration SET claim_count = claim_count + 1 WHERE id = ?1")
                .setParameter(1, registrationId)
                .executeUpdate();
    }
}
