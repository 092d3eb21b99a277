package org.pbxlicensing.web.portal;

import java.io.Serializable;
import java.time.Instant;
import org.pbxlicensing.domain.registration.Registration;

/** One registration a customer who logged in by link may switch to. */
public record RegistrationChoice(long id, String number, String company, String email, Instant registeredAt)
        implements Serializable {

    static RegistrationChoice of(Registration registration) {
        return new RegistrationChoice(registration.id(), registration.number().value(), registration.company(),
                registration.email(), registration.createdAt());
    }
}
