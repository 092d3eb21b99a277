package org.pbxlicensing.service.staff;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.pbxlicensing.domain.audit.Actor;
import org.pbxlicensing.domain.staff.PasswordHash;
import org.pbxlicensing.domain.staff.StaffRole;
import org.pbxlicensing.domain.staff.StaffUser;
import org.pbxlicensing.infrastructure.time.ServerClock;
import org.pbxlicensing.service.audit.AuditLog;

/**
 * Creates the staff user {@code admin} when there is none yet: with the configured password, or a
 * generated one that is printed once in the log (the only place it ever appears).
 */
@Startup
@Singleton
@DependsOn("SchemaMigration")
public class FirstAdmin {

    static final String USER_NAME = "admin";
    private static final Logger LOG = Logger.getLogger(FirstAdmin.class.getName());

    @PersistenceContext(unitName = "licensing")
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    ServerClock clock;

    @Inject
    @ConfigProperty(name = "licensing.admin.password")
    Optional<String> configuredPassword;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    void createWhenMissing() {
        if (em.find(StaffUser.class, USER_NAME) != null) {
            return;
        }
        Optional<String> configured = configuredPassword.filter(p -> !p.isBlank());
        String password = configured.orElseGet(PasswordHash::randomPassword);
        em.persist(new StaffUser(USER_NAME, StaffRole.ADMIN, password.toCharArray(), clock.now()));
        audit.record(Actor.system(), "STAFF_USER_CREATED", null, "staff " + USER_NAME, "first admin, role ADMIN");
        if (configured.isPresent()) {
            LOG.info("Created the staff user 'admin' with the password of licensing.admin.password");
        } else {
            LOG.warning("Created the staff user 'admin' with the generated password " + password
                    + " (shown only this once; set LICENSING_ADMIN_PASSWORD to choose one)");
        }
    }
}
