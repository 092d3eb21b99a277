package org.pbxlicensing.service.staff;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.pbxlicensing.domain.staff.StaffUser;

/** The statements on staff users and their recovery codes (spending a code is {@link SecondFactorClaim}'s). */
@ApplicationScoped
public class StaffQueries {

    @PersistenceContext(unitName = "licensing")
    EntityManager em;

    public List<StaffUser> allUsers() {
        return em.createQuery("select u from StaffUser u order by u.userName", StaffUser.class).getResultList();
    }

    /** The enabled admins by name, their rows locked until the transaction ends. */
    public List<StaffUser> lockedEnabledAdmins() {
        return em.createQuery("""
                        select u from StaffUser u
                        where u.role = org.pbxlicensing.domain.staff.StaffRole.ADMIN and u.enabled = true
                        order by u.userName""", StaffUser.class)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
    }

    public void addRecoveryCode(String userName, String codeHash) {
        em.createNativeQuery("INSERT INTO staff_recovery_code (user_name, code_hash) VALUES (?1, ?2)")
                .setParameter(1, userName)
                .setParameter(2, codeHash)
                .executeUpdate();
    }

    public void forgetRecoveryCodes(String userName) {
        em.createNativeQuery("DELETE FROM staff_recovery_code WHERE user_name = ?1")
                .setParameter(1, userName)
                .executeUpdate();
    }
}
