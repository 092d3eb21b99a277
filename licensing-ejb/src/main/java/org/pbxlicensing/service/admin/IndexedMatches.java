package org.pbxlicensing.service.admin;

import java.util.ArrayList;
import java.util.Collections;
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

    boolean isEmpty() {
        return lookups.isEmpty();
    }

    /** The lookups as one statement's text; its parameters are {@link #parameters()}, numbered from 1. */
    String union() {
        return String.join(" UNION ", lookups);
    }

    List<Object> parameters() {
        return Collections.unmodifiableList(parameters);
    }
}
