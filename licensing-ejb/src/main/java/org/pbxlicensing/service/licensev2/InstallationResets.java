package org.pbxlicensing.service.licensev2;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.pbxlicensing.domain.licensev2.InstallId;
import org.pbxlicensing.service.binding.BindingsReset;

/** A reset of an installation's bindings, from any door, refuses its next request. */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class InstallationResets {

    @Inject
    InstallationRegistry installations;

    public void onReset(@Observes BindingsReset reset) {
        if (reset.hostId().startsWith(InstallId.HOST_ID_PREFIX)) {
            installations.markReset(reset.registrationId(), reset.hostId());
        }
    }
}
