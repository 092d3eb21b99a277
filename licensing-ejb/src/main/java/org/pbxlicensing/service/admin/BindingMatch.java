package org.pbxlicensing.service.admin;

import org.pbxlicensing.domain.binding.HostBinding;
import org.pbxlicensing.domain.registration.Registration;

/** A host binding found by its host, with the registration it belongs to. */
public record BindingMatch(HostBinding binding, Registration registration) {
}
