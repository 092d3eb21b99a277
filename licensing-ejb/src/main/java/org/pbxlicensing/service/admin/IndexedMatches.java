package org.pbxlicensing.service.admin;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.List;

/**
 * The ids of one table's rows that any of several index lookups finds. Each lookup stops after
 * {@link AdminSearch#MAX_MATCHES_PER_INDEX} rows in its index's order, so that a short text costs
 * no more than a long one on a million rows; the database then unites, counts and pages the ids.
 */
final class IndexedMatches {

    private final String table;
    private final List<String> lookups = new ArrayList<>();
    private final List<Object> parameters = new ArrayList<>();

    IndexedMatches(String table) {
        this.table = table;
    }

    /** Rows whose indexed {@code column} is LIKE the pattern, in the column's order. */
    IndexedMatches like(String column, String pattern) {
        return add("SELECT id FROM %s WHERE %s LIKE ?%d ORDER BY %2$s LIMIT %d", column, pattern);
    }

    /** Rows whose FULLTEXT index over {@code columns} matches the boolean-mode query. */
    IndexedMatches words(String columns, String query) {
        if (query.isEmpty()) {
            return this;
        }
        return add("SELECT id FROM %s WHERE MATCH(%s) AGAINST (?%d IN BOOLEAN MODE) LIMIT %d", columns, query);
    }

    private IndexedMatches add(String template, String columns, String parameter) {
        parameters.add(parameter);
        lookups.add("(" + template.formatted(table, columns, parameters.size(), AdminSearch.MAX_MATCHES_PER_INDEX) + ")");
        return this;
    }

    long count(EntityManager em) {
        if (lookups.isEmpty()) {
            return 0;
        }
        return ((Number) bind(em.createNativeQuery("SELECT COUNT(*) FROM (" + union() + ") m")).getSingleResult())
                .longValue();
    }

    /** A page of the ids, newest (highest) first. */
    List<Long> page(EntityManager em, int offset, int limit) {
        if (lookups.isEmpty()) {
            return List.of();
        }
        int at = parameters.size();
        List<?> ids = bind(em.createNativeQuery("SELECT m.id FROM (" + union() + ") m ORDER BY m.id DESC LIMIT ?"
                        + (at + 1) + " OFFSET ?" + (at + 2)))
                .setParameter(at + 1, Math.min(Math.max(limit, 1), 200))
                .setParameter(at + 2, Math.max(offset, 0))
                .getResultList();
        return ids.stream().map(id -> ((Number) id).longValue()).toList();
    }

    private String union() {
        return String.join(" UNION ", lookups);
    }

    private Query bind(Query query) {
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        return query;
    }
}
