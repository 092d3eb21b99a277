package org.pbxlicensing.domain.license;

import java.time.Instant;
import java.util.List;

/** What a host may run, summed up in one word for the PBX. */
public enum HostStatus {
    LICENSED,
    TRIAL,
    TRIAL_EXPIRED,
    EXPIRED,
    NOT_LICENSED,
    BINDING_RESET;

    /**
     * @param boundLicenses licenses of the host's active bindings, whatever their dates
     * @param wasReleased   whether the host had a binding that was released since it last activated
     */
    public static HostStatus of(List<License> boundLicenses, boolean wasReleased, Instant now) {
        var active = boundLicenses.stream().filter(l -> l.isActiveAt(now)).toList();
        if (active.stream().anyMatch(l -> l.kind().isPaid())) {
            return LICENSED;
        }
        if (!active.isEmpty()) {
            return TRIAL;
        }
        if (!boundLicenses.isEmpty()) {
            return boundLicenses.stream().anyMatch(l -> l.kind().isPaid()) ? EXPIRED : TRIAL_EXPIRED;
        }
        return wasReleased ? BINDING_RESET : NOT_LICENSED;
    }
}
