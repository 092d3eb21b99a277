package org.pbxlicensing.service.binding;

import java.util.List;
import java.util.Set;
import org.pbxlicensing.domain.binding.HostBinding;
import org.pbxlicensing.service.registration.RegistrationKey;

/**
 * A host's activation of one feature: the binding it holds now, and every active binding of the host
 * after it (the one of this feature included), as read and written under the registration's lock,
 * with the agreement versions the registration had accepted, read in the same statement.
 */
public record HostActivation(RegistrationKey registration, HostBinding binding, List<HeldSeat> held,
        Set<Long> acceptedEulaVersions) {

    public HostActivation {
        held = List.copyOf(held);
        acceptedEulaVersions = Set.copyOf(acceptedEulaVersions);
    }
}
