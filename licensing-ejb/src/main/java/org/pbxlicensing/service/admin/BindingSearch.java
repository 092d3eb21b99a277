package org.pbxlicensing.service.admin;

import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;

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

    @Inject
    AdminSearchQueries queries;

    public long count(String text) {
        String prefix = prefix(text);
        if (prefix == null) {
            return 0;
        }
        return queries.countBindingsStartingWith(prefix);
    }

    public List<BindingMatch> page(String text, int offset, int limit) {
        String prefix = prefix(text);
        if (prefix == null) {
            return List.of();
        }
        return queries.bindingsStartingWith(prefix, offset, limit);
    }

    private static String prefix(String text) {
        String typed = text == null ? "" : text.strip();
        if (typed.isEmpty()) {
            return null;
        }
        return typed.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
