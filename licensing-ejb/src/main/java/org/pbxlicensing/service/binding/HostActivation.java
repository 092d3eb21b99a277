package org.pbxlicensing.service.binding;

import java.util.List;
import java.util.Set;
import org.pbxlicensing.domain.binding.HostBinding;
import org.pbxlicensing.service.registration.RegistrationKey;

/**
 * A host's activation of one feature: the binding it holds now, and every active binding of the host
 * after it (the one of this feature included), as read and written under the registration's lock,
 * with the agreement versions the registration had accepted and the catalogue's version, read in the
 * same statement (the version null when it was not read).
 */
public record HostActivation(RegistrationKey registration, HostBinding binding, List<HeldSeat> held,
        Set<Long> acceptedEulaVersions, Long catalogueVersion) {

    public HostActivation {
        held = List.copyOf(held);
        acceptedEulaVersions = Set.copyOf(acceptedEulaVersions);
    }
}
