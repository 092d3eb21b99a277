package org.pbxlicensing.service.admin;

import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.util.List;
import org.pbxlicensing.domain.registration.Registration;
import org.pbxlicensing.infrastructure.config.LicensingSettings;

/**
 * Finds registrations for staff by number, email, company (prefix) or host id, a page at a time:
 * the database counts and pages, nothing loads a whole table.
 */
@Stateless
@DeclareRoles({StaffRoles.ADMIN, StaffRoles.SUPPORT, StaffRoles.VIEWER})
@RolesAllowed({StaffRoles.ADMIN, StaffRoles.SUPPORT, StaffRoles.VIEWER})
public class RegistrationSearch {

    private static final String MATCHES = """
            FROM registration r
            WHERE ?1 = '' OR r.number = ?2 OR r.email = ?1 OR r.company LIKE ?3
               OR r.id IN (SELECT b.registration_id FROM host_binding b WHERE b.host_id = ?1)""";

    @PersistenceContext(unitName = "licensing")
    EntityManager em;

    @Inject
    LicensingSettings settings;

    public long count(String text) {
        return ((Number) bind(em.createNativeQuery("SELECT COUNT(*) " + MATCHES), text).getSingleResult())
                .longValue();
    }

    @SuppressWarnings("unchecked")
    public List<Registration> page(String text, int offset, int limit) {
        return bind(em.createNativeQuery("SELECT r.* " + MATCHES + " ORDER BY r.id DESC LIMIT ?4 OFFSET ?5",
                        Registration.class), text)
                .setParameter(4, Math.min(Math.max(limit, 1), 200))
                .setParameter(5, Math.max(offset, 0))
                .getResultList();
    }

    private Query bind(Query query, String text) {
        String typed = text == null ? "" : text.strip();
        String number = settings.registrationNumbers().tryParse(typed).map(n -> n.value()).orElse("");
        String prefix = typed.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return query.setParameter(1, typed).setParameter(2, number).setParameter(3, prefix);
    }
}
