package org.pbxlicensing.domain.eula;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;
import org.hibernate.annotations.Immutable;

/**
 * A row of {@code eula_acceptance} as far as queries need it: which agreement versions a registration
 * accepted (on any host). Mapped so that a JPQL query can read them together with the licenses it
 * reads; acceptances are written with their details by the agreement service.
 */
@Entity
@Immutable
@Table(name = "eula_acceptance")
@IdClass(AcceptedVersion.Key.class)
public class AcceptedVersion {

    /** The accepted versions of the registration of the license aliased {@code l}, as text: ids and commas. */
    public static final String OF_LICENSE_L = "(select listagg(cast(a.eulaVersionId as String), ',')"
            + " from AcceptedVersion a where a.registrationId = l.registrationId)";

    @Id
    @Column(name = "registration_id")
    private Long registrationId;

    @Id
    @Column(name = "eula_version_id")
    private Long eulaVersionId;

    @Id
    @Column(name = "host_id")
    private String hostId;

    protected AcceptedVersion() {
    }

    /** The primary key of an acceptance. */
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        private Long registrationId;
        private Long eulaVersionId;
        private String hostId;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(registrationId, key.registrationId)
                    && Objects.equals(eulaVersionId, key.eulaVersionId) && Objects.equals(hostId, key.hostId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(registrationId, eulaVersionId, hostId);
        }
    }
}
