package org.pbxlicensing.service.binding;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pbxlicensing.domain.license.License;

/**
 * What a registration holds as one host sees it, read in one statement ({@link HostHoldings#registration}):
 * every license with its feature and the seats taken of it, the host's active bindings, the agreement
 * versions the registration accepted, and the catalogue's version (null when the registration holds no
 * license, and nothing was read with it).
 */
public record RegistrationHoldings(Map<License, Long> seatsUsed, List<HeldSeat> held, Set<Long> acceptedEulaVersions,
        Long catalogueVersion) {

    public RegistrationHoldings {
        seatsUsed = new LinkedHashMap<>(seatsUsed);
        held = List.copyOf(held);
        acceptedEulaVersions = Set.copyOf(acceptedEulaVersions);
    }

    /** The licenses of the feature with the seats taken of each, in a map the caller may add to. */
    public Map<License, Long> seatsUsedOf(int featureNumber) {
        Map<License, Long> ofFeature = new LinkedHashMap<>();
        seatsUsed.forEach((license, seats) -> {
            if (license.feature().number() == featureNumber) {
                ofFeature.put(license, seats);
            }
        });
        return ofFeature;
    }

    public List<License> licenses() {
        return List.copyOf(seatsUsed.keySet());
    }
}
