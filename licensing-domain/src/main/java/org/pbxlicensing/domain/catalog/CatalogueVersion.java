package org.pbxlicensing.domain.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/**
 * The version of the feature catalogue and the agreements published for it, which triggers raise with
 * every change (migrations V17, V41). Mapped so that a JPQL query can read it with what it reads anyway.
 */
@Entity
@Immutable
@Table(name = "catalogue_state")
public class CatalogueVersion {

    /** The catalogue's version, in a JPQL select, as a {@code Long}. */
    public static final String NOW = "(select c.version from CatalogueVersion c where c.id = 1)";

    @Id
    @Column(name = "id")
    private Integer id;

    @Column(name = "version")
    private long version;

    protected CatalogueVersion() {
    }
}
