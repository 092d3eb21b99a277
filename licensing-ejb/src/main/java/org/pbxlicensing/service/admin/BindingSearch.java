package org.pbxlicensing.service.admin;

import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.pbxlicensing.domain.binding.HostBinding;
import org.pbxlicensing.domain.registration.Registration;

/**
 * Host bindings of every registration whose host id, host name or IP address starts with the
 * typed text, newest first; an empty text finds nothing rather than the whole table. Each column
 * has an index, and each of the three range scans stops after {@link #MAX_MATCHES_PER_COLUMN}
 * entries in its index's order, so a search costs the same on a million rows as on a thousand,
 * however short the text (a longer text narrows a search that reached the limit).
 */
@Stateless
@DeclareRoles({StaffRoles.ADMIN, StaffRoles.SUPPORT, StaffRoles.VIEWER})
@RolesAllowed({StaffRoles.ADMIN, StaffRoles.SUPPORT, StaffRoles.VIEWER})
public class BindingSearch {

    public static final int MAX_MATCHES_PER_COLUMN = 1000;

    private static final String MATCHES = """
            FROM ((SELECT id FROM host_binding WHERE host_id LIKE ?1 ORDER BY host_id LIMIT %1$d)
                  UNION (SELECT id FROM host_binding WHERE host_name LIKE ?1 ORDER BY host_name LIMIT %1$d)
                  UNION (SELECT id FROM host_binding WHERE ip LIKE ?1 ORDER BY ip LIMIT %1$d)) b"""
            .formatted(MAX_MATCHES_PER_COLUMN);

    @PersistenceContext(unitName = "licensing")
    EntityManager em;

    public long count(String text) {
        String prefix = prefix(text);
        if (prefix == null) {
            return 0;
        }
        return ((Number) em.createNativeQuery("SELECT COUNT(*) " + MATCHES).setParameter(1, prefix)
                .getSingleResult()).longValue();
    }

    public List<BindingMatch> page(String text, int offset, int limit) {
        String prefix = prefix(text);
        if (prefix == null) {
            return List.of();
        }
        List<?> ids = em.createNativeQuery("SELECT b.id " + MATCHES + " ORDER BY b.id DESC LIMIT ?2 OFFSET ?3")
                .setParameter(1, prefix)
                .setParameter(2, Math.min(Math.max(limit, 1), 200))
                .setParameter(3, Math.max(offset, 0))
                .getResultList();
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.createQuery("""
                        select b, r from HostBinding b, Registration r
                        where r.id = b.registrationId and b.id in :ids order by b.id desc""", Object[].class)
                .setParameter("ids", ids.stream().map(id -> ((Number) id).longValue()).toList())
                .getResultStream()
                .map(row -> new BindingMatch((HostBinding) row[0], (Registration) row[1]))
                .toList();
    }

    private static String prefix(String text) {
        String typed = text == null ? "" : text.strip();
        if (typed.isEmpty()) {
            return null;
        }
        return typed.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
