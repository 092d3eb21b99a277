package org.pbxlicensing.infrastructure.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.pbxlicensing.domain.registration.RegistrationNumberFormat;

/** Settings of the licensing rules, from MicroProfile Config (an environment variable wins). */
@ApplicationScoped
public class LicensingSettings {

    @Inject
    @ConfigProperty(name = "licensing.registration.prefix", defaultValue = "MIKO")
    String registrationPrefix;

    @Inject
    @ConfigProperty(name = "licensing.test.clock-control", defaultValue = "false")
    boolean clockControl;

    public RegistrationNumberFormat registrationNumbers() {
        return new RegistrationNumberFormat(registrationPrefix);
    }

    /** Whether tests may move the server's clock (never in production). */
    public boolean clockControl() {
        return clockControl;
    }
}
