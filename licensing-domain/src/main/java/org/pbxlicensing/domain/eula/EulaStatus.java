package org.pbxlicensing.domain.eula;

import java.util.List;
import java.util.function.Predicate;

/**
 * Whether the administrator of a host must still accept an agreement, and which version: the
 * first current version (by feature) that the registration has not accepted, else the version in force.
 */
public record EulaStatus(boolean required, String version) {

    public static final EulaStatus NONE = new EulaStatus(false, null);

    /**
     * @param currentVersions the versions in force for the features the host runs, in feature order
     * @param accepted        whether the registration accepted a version
     */
    public static EulaStatus of(List<EulaVersion> currentVersions, Predicate<EulaVersion> accepted) {
        return currentVersions.stream()
                .filter(accepted.negate())
                .findFirst()
                .map(pending -> new EulaStatus(true, pending.version()))
                .orElseGet(() -> currentVersions.isEmpty() ? NONE
                        : new EulaStatus(false, currentVersions.get(0).version()));
    }
}
