package org.pbxlicensing.service.admin;

import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
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

    @Inject
    AdminSearchQueries queries;

    @Inject
    LicensingSettings settings;

    public long count(String text) {
        String typed = typed(text);
        return queries.countRegistrationsMatching(typed, number(typed), companyPrefix(typed));
    }

    public List<Registration> page(String text, int offset, int limit) {
        String typed = typed(text);
        return queries.registrationsMatching(typed, number(typed), companyPrefix(typed), offset, limit);
    }

    private static String typed(String text) {
        return text == null ? "" : text.strip();
    }

    private String number(String typed) {
        return settings.registrationNumbers().tryParse(typed).map(n -> n.value()).orElse("");
    }

    private static String companyPrefix(String typed) {
        return typed.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
