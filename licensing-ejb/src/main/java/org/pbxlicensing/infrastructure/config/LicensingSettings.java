package org.pbxlicensing.infrastructure.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.pbxlicensing.domain.binding.ResetQuota;
import org.pbxlicensing.domain.license.ExpiryReminders;
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

    @Inject
    @ConfigProperty(name = "licensing.certificate.lease", defaultValue = "P7D")
    java.time.Duration certificateLease;

    @Inject
    @ConfigProperty(name = "licensing.check.poll-seconds", defaultValue = "600")
    int pollSeconds;

    @Inject
    @ConfigProperty(name = "licensing.session.ttl-seconds", defaultValue = "300")
    int sessionTtlSeconds;

    @Inject
    @ConfigProperty(name = "licensing.reset.quota", defaultValue = "3")
    int resetQuota;

    @Inject
    @ConfigProperty(name = "licensing.throttle.enabled", defaultValue = "true")
    boolean throttleEnabled;

    @Inject
    @ConfigProperty(name = "licensing.expiry.reminder-days", defaultValue = "3")
    int expiryReminderDays;

    /** A trial or term license's customer is reminded this many days before its end. */
    public ExpiryReminders expiryReminders() {
        return ExpiryReminders.daysAhead(expiryReminderDays);
    }

    public RegistrationNumberFormat registrationNumbers() {
        return new RegistrationNumberFormat(registrationPrefix);
    }

    /** How long a PBX may run on a certificate without reaching the server. */
    public java.time.Duration certificateLease() {
        return certificateLease;
    }

    /** How often a PBX should check. */
    public int pollSeconds() {
        return pollSeconds;
    }

    /** How long a session lives after its last heartbeat. */
    public java.time.Duration sessionTtl() {
        return java.time.Duration.ofSeconds(sessionTtlSeconds);
    }

    /** How often a customer may reset bindings of one license within 30 days. */
    public ResetQuota resetQuota() {
        return new ResetQuota(resetQuota);
    }

    /** Whether failed look-ups and other attempts are counted and limited (off only for benchmarks). */
    public boolean throttleEnabled() {
        return throttleEnabled;
    }

    /** Whether tests may shift the time a request sees (never in production). */
    public boolean clockControl() {
        return clockControl;
    }
}
