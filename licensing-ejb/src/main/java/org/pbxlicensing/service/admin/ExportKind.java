package org.pbxlicensing.service.admin;

import java.util.Arrays;
import java.util.Optional;
import org.pbxlicensing.domain.staff.StaffRole;

/**
 * The staff's CSV exports: the header line, the query of one page of rows after a given id (keyset
 * paging, so that no export holds more than a page), and the least role that may download it.
 * Registrations carry contact persons' personal data and are for admins only.
 */
public enum ExportKind {

    REGISTRATIONS("registrations", StaffRole.ADMIN,
            "number,company,contactPerson,email,phone,taxId,country,city,language,createdAt",
            """
            SELECT id, number, company, contact_person, email, phone, tax_id, country, city, language, created_at
            FROM registration WHERE id > ?1 ORDER BY id""",
            "SELECT COUNT(*) FROM registration"),
    LICENSES("licenses", StaffRole.SUPPORT,
            "id,registration,feature,featureName,kind,seats,startsAt,endsAt,source,revokedAt,createdAt",
            """
            SELECT l.id, l.id, r.number, l.feature_number, f.name, l.kind, l.seats, l.starts_at, l.ends_at, l.source,
                   l.revoked_at, l.created_at
            FROM license l JOIN registration r ON r.id = l.registration_id JOIN feature f ON f.number = l.feature_number
            WHERE l.id > ?1 ORDER BY l.id""",
            "SELECT COUNT(*) FROM license"),
    BINDINGS("bindings", StaffRole.SUPPORT,
            "id,registration,feature,hostId,hostName,productVersion,boundAt,lastSeenAt,releasedAt,releasedBy",
            """
            SELECT b.id, b.id, r.number, b.feature_number, b.host_id, b.host_name, b.product_version, b.bound_at,
                   b.last_seen_at, b.released_at, b.released_by
            FROM host_binding b JOIN registration r ON r.id = b.registration_id
            WHERE b.id > ?1 ORDER BY b.id""",
            "SELECT COUNT(*) FROM host_binding");

    private final String fileStem;
    private final StaffRole role;
    private final String header;
    private final String pageQuery;
    private final String countQuery;

    ExportKind(String fileStem, StaffRole role, String header, String pageQuery, String countQuery) {
        this.fileStem = fileStem;
        this.role = role;
        this.header = header;
        this.pageQuery = pageQuery;
        this.countQuery = countQuery;
    }

    /** The kind whose file is named {@code name} ({@code registrations.csv} …). */
    public static Optional<ExportKind> ofFileName(String name) {
        return Arrays.stream(values()).filter(kind -> kind.fileName().equals(name)).findFirst();
    }

    public String fileName() {
        return fileStem + ".csv";
    }

    public String fileStem() {
        return fileStem;
    }

    /** The least role that may download it (an admin holds every role). */
    public StaffRole role() {
        return role;
    }

    public String header() {
        return header;
    }

    /** Selects the page's rows; the first column is the id the next page starts after, not written. */
    String pageQuery() {
        return pageQuery;
    }

    String countQuery() {
        return countQuery;
    }
}
