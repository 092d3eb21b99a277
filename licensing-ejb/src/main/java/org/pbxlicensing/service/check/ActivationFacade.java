package org.pbxlicensing.service.check;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.pbxlicensing.domain.audit.Actor;
import org.pbxlicensing.domain.binding.HostDetails;
import org.pbxlicensing.service.binding.BindingService;

/** An activation as a PBX sees it: bind the host, then tell it what it may run, in one transaction. */
@Stateless
public class ActivationFacade {

    @Inject
    BindingService bindings;

    @Inject
    CheckService checks;

    public HostReport activate(String registrationNumber, int featureNumber, HostDetails host, Actor actor) {
        return checks.report(bindings.activate(registrationNumber, featureNumber, host, actor));
    }
}
