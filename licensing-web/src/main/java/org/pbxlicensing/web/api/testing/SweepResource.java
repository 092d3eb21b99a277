package org.pbxlicensing.web.api.testing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.pbxlicensing.domain.failure.Failure;
import org.pbxlicensing.domain.failure.LicensingException;
import org.pbxlicensing.infrastructure.config.LicensingSettings;
import org.pbxlicensing.infrastructure.time.ServerClock;
import org.pbxlicensing.service.binding.SilentHostSweep;
import org.pbxlicensing.service.license.ExpirySweep;
import org.pbxlicensing.service.registration.RegistrationLookup;
import org.pbxlicensing.web.request.ClientRequest;

/**
 * For tests of the timers only: runs one sweep now, as of the time the request sees (moved by
 * {@code X-Clock-Shift}), for one registration's licenses or bindings, so that a test meets an end or a
 * silence without waiting and without touching other tests' data. Where clock control is off (every
 * production server), these paths do not exist: they answer 404 like any unknown path.
 */
@Path("test/sweeps")
@ApplicationScoped
public class SweepResource {

    @Inject
    LicensingSettings settings;

    @Inject
    ServerClock clock;

    @Inject
    ExpirySweep expiry;

    @Inject
    SilentHostSweep silentHosts;

    @Inject
    RegistrationLookup registrations;

    @Inject
    ClientRequest client;

    @POST
    @Path("expiry")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Integer> expiry(@QueryParam("registration") String registrationNumber) {
        requireClockControl();
        return Map.of("sent", expiry.sweep(clock.now(), registrationId(registrationNumber)));
    }

    @POST
    @Path("silent-hosts")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Integer> silentHosts(@QueryParam("registration") String registrationNumber) {
        requireClockControl();
        return Map.of("released", silentHosts.sweep(clock.now(), registrationId(registrationNumber)));
    }

    private void requireClockControl() {
        if (!settings.clockControl()) {
            throw new LicensingException(Failure.NOT_FOUND);
        }
    }

    private long registrationId(String registrationNumber) {
        if (registrationNumber == null || registrationNumber.isBlank()) {
            throw LicensingException.invalid("registration", "REQUIRED");
        }
        return registrations.requireKey(registrationNumber, client.address()).id();
    }
}
