package org.pbxlicensing.service.staff;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import org.pbxlicensing.domain.staff.RecoveryCodes;
import org.pbxlicensing.domain.staff.Totp;

/**
 * Spends a second-factor code once: a TOTP step by moving the member's last used step forward, a
 * recovery code by marking it used, each with a conditional update, so that of two requests with one
 * code at once only one gets through.
 */
final class SecondFactorClaim {

    private SecondFactorClaim() {
    }

    /** Whether the code (six digits or a recovery code) was good and is now spent. */
    static boolean spend(EntityManager em, String userName, byte[] secret, String code, long lastStep, Instant now) {
        if (RecoveryCodes.looksLikeOne(code)) {
            return spendRecoveryCode(em, userName, code, now);
        }
        var step = Totp.matchingStep(secret, code == null ? null : code.strip(), now, lastStep);
        return step.isPresent() && spendStep(em, userName, step.getAsLong());
    }

    static boolean spendStep(EntityManager em, String userName, long step) {
        return em.createNativeQuery("""
                        UPDATE staff_user SET totp_last_step = ?2 WHERE user_name = ?1 AND totp_last_step < ?2""")
                .setParameter(1, userName)
                .setParameter(2, step)
                .executeUpdate() == 1;
    }

    private static boolean spendRecoveryCode(EntityManager em, String userName, String code, Instant now) {
        return em.createNativeQuery("""
                        UPDATE staff_recovery_code SET used_at = ?3
                        WHERE user_name = ?1 AND code_hash = ?2 AND used_at IS NULL""")
                .setParameter(1, userName)
                .setParameter(2, RecoveryCodes.hash(code))
                .setParameter(3, now)
                .executeUpdate() == 1;
    }
}
