package org.pbxlicensing.domain.license;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.Synchronize;

/**
 * The seats taken of a license: its bound hosts, counted by the database whenever a binding is written
 * (migration V18). A license no host was ever bound to has no row: none of its seats are taken.
 * Queries read {@code taken} rather than mapping this entity into results.
 */
@Entity
@Immutable
@Table(name = "license_seats")
// A query reading the number flushes the binding changes of its own transaction first.
@Synchronize("host_binding")
public class SeatsTaken {

    /** The seats taken of the license aliased {@code l} in a JPQL select, as a {@code Long}. */
    public static final String OF_LICENSE_L =
            "cast(coalesce((select s.taken from SeatsTaken s where s.licenseId = l.id), 0) as Long)";

    @Id
    @Column(name = "license_id")
    private Long licenseId;

    @Column(nullable = false)
    private int taken;

    protected SeatsTaken() {
    }
}
