package org.pbxlicensing.service.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/**
 * The statements of the CSV exports: a kind's row count, and one page of its rows after a given id
 * (keyset paging, so that no export holds more than a page). A row's columns are those of the kind's
 * {@link ExportKind#header() header}, after the id that orders the rows.
 */
@ApplicationScoped
public class ExportQueries {

    @PersistenceContext(unitName = "licensing")
    EntityManager em;

    public long rowCountOf(ExportKind kind) {
        return ((Number) em.createNativeQuery(switch (kind) {
            case REGISTRATIONS -> "SELECT COUNT(*) FROM registration";
            case LICENSES -> "SELECT COUNT(*) FROM license";
            case BINDINGS -> "SELECT COUNT(*) FROM host_binding";
        }).getSingleResult()).longValue();
    }

    /** The rows after the id {@code after}, by id, at most {@code size}: each the id and then the header's columns. */
    @SuppressWarnings("unchecked")
    public List<Object[]> rowsAfter(ExportKind kind, long after, int size) {
        return em.createNativeQuery(switch (kind) {
            case REGISTRATIONS -> """
                    SELECT id, number, company, contact_person, email, phone, tax_id, country, city, language, created_at
                    FROM registration WHERE id > ?1 ORDER BY id""";
            case LICENSES -> """
                    SELECT l.id, l.id, r.number, l.feature_number, f.name, l.kind, l.seats, l.starts_at, l.ends_at, l.source,
                           l.revoked_at, l.created_at
                    FROM license l JOIN registration r ON r.id = l.registration_id JOIN feature f ON f.number = l.feature_number
                    WHERE l.id > ?1 ORDER BY l.id""";
            case BINDINGS -> """
                    SELECT b.id, b.id, r.number, b.feature_number, b.host_id, b.host_name, b.product_version, b.bound_at,
                           b.last_seen_at, b.released_at, b.released_by
                    FROM host_binding b JOIN registration r ON r.id = b.registration_id
                    WHERE b.id > ?1 ORDER BY b.id""";
        }).setParameter(1, after).setMaxResults(size).getResultList();
    }
}
