package org.pbxlicensing.service.eula;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.pbxlicensing.domain.eula.EulaVersion;

/**
 * Every published agreement version, kept on this node for as long as the feature catalogue's
 * version is the one they were read at. Database triggers raise that version with every change of an
 * agreement (V41), whoever makes it, and a check reads it anyway: the copy is never older than the
 * catalogue version its caller read.
 */
@ApplicationScoped
public class PublishedEulas {

    private record Copy(long catalogueVersion, Map<Integer, List<EulaVersion>> byFeature) {
    }

    @PersistenceContext(unitName = "licensing")
    EntityManager em;

    private volatile Copy copy;

    /** The versions of the feature, published or due, in no particular order, as of the catalogue's version now. */
    public List<EulaVersion> of(int featureNumber) {
        return of(featureNumber, catalogueVersion());
    }

    /** As {@link #of(int)}, for a caller that has just read the catalogue's version. */
    public List<EulaVersion> of(int featureNumber, long catalogueVersion) {
        return current(catalogueVersion).byFeature().getOrDefault(featureNumber, List.of());
    }

    long catalogueVersion() {
        return ((Number) em.createNativeQuery("SELECT version FROM catalogue_state WHERE id = 1")
                .getSingleResult()).longValue();
    }

    private Copy current(long catalogueVersion) {
        Copy seen = copy;
        if (seen != null && seen.catalogueVersion() == catalogueVersion) {
            return seen;
        }
        // Read after the caller's version: a change committed in between is in the copy, and the copy
        // is labelled with the older version, so the next caller that reads the newer one reads again.
        Copy read = new Copy(catalogueVersion, em.createQuery("select v from EulaVersion v", EulaVersion.class)
                .setHint("org.hibernate.readOnly", true)
                .getResultStream()
                .collect(Collectors.groupingBy(EulaVersion::featureNumber, Collectors.toUnmodifiableList())));
        if (seen == null || seen.catalogueVersion() < catalogueVersion) {
            copy = read;
        }
        return read;
    }
}
