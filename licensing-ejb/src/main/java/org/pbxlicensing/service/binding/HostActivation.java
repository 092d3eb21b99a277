package org.pbxlicensing.service.binding;

import java.util.List;
import org.pbxlicensing.domain.binding.HostBinding;
import org.pbxlicensing.service.registration.RegistrationKey;

/**
 * A host's activation of one feature: the binding it holds now, and every active binding of the host
 * after it (the one of this feature included), as read and written under the registration's lock.
 */
public record HostActivation(RegistrationKey registration, HostBinding binding, List<HeldSeat> held) {

    public HostActivation {
        held = List.copyOf(held);
    }
}
