package org.pbxlicensing.service.admin;

import java.util.Arrays;
import java.util.Optional;
import org.pbxlicensing.domain.staff.StaffRole;

/**
 * The staff's CSV exports: the header line and the least role that may download it; the rows are
 * read by {@link ExportQueries}. Registrations carry contact persons' personal data and are for
 * admins only.
 */
public enum ExportKind {

    REGISTRATIONS("registrations", StaffRole.ADMIN,
            "number,company,contactPerson,email,phone,taxId,country,city,language,createdAt"),
    LICENSES("licenses", StaffRole.SUPPORT,
            "id,registration,feature,featureName,kind,seats,startsAt,endsAt,source,revokedAt,createdAt"),
    BINDINGS("bindings", StaffRole.SUPPORT,
            "id,registration,feature,hostId,hostName,productVersion,boundAt,lastSeenAt,releasedAt,releasedBy");

    private final String fileStem;
    private final StaffRole role;
    private final String header;

    ExportKind(String fileStem, StaffRole role, String header) {
        this.fileStem = fileStem;
        this.role = role;
        this.header = header;
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
}
