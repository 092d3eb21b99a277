package org.pbxlicensing.service.binding;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pbxlicensing.domain.binding.HostBinding;
import org.pbxlicensing.domain.license.License;
import org.pbxlicensing.service.eula.EulaQueries;

/** What a host holds under a registration: read by checks, and by activations under the registration's lock. */
@ApplicationScoped
public class HostHoldings {

    @Inject
    BindingQueries bindings;

    @Inject
    EulaQueries eula;

    /** The host's active bindings with their licenses and the seats taken of each, in one statement. */
    public List<HeldSeat> of(long registrationId, String hostId) {
        return bindings.heldSeats(registrationId, hostId);
    }

    /**
     * What an activation decides from, in one statement: every license of the registration with its
     * feature and the seats taken of it, the host's active binding of each, the agreement versions the
     * registration accepted and the catalogue's version (for the answer's agreements).
     */
    public RegistrationHoldings registration(long registrationId, String hostId) {
        Map<License, Long> seatsUsed = new LinkedHashMap<>();
        List<HeldSeat> held = new ArrayList<>();
        Set<Long> accepted = new HashSet<>();
        Long[] catalogueVersion = {null};
        bindings.licensesWithHostBindings(registrationId, hostId)
                .forEach(row -> {
                    License license = (License) row[0];
                    long seats = (Long) row[1];
                    seatsUsed.put(license, seats);
                    if (row[2] != null) {
                        held.add(new HeldSeat((HostBinding) row[2], seats));
                    }
                    if (row[3] != null && accepted.isEmpty()) {
                        Arrays.stream(row[3].toString().split(",")).map(Long::valueOf).forEach(accepted::add);
                    }
                    catalogueVersion[0] = ((Number) row[4]).longValue();
                });
        if (seatsUsed.isEmpty()) {
            // No license, so no row to carry the acceptances: a registration's first trial.
            accepted.addAll(eula.acceptedVersionIdsOf(registrationId));
        }
        return new RegistrationHoldings(seatsUsed, held, accepted, catalogueVersion[0]);
    }
}
