package org.pbxlicensing.service.staff;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.pbxlicensing.domain.failure.LicensingException;
import org.pbxlicensing.domain.throttle.AttemptLimit;
import org.pbxlicensing.domain.throttle.LimitedSubject;
import org.pbxlicensing.service.throttle.Throttle;

/**
 * Slows down password guessing in the admin login: after too many wrong passwords for one user name
 * from one client address in the last minutes, that pair is refused even with the right password;
 * a client address that tries many user names is refused as a whole past a higher limit. Counted in
 * the database so that every node sees the same count, and a restart forgets nothing.
 */
@ApplicationScoped
public class StaffLoginThrottle {

    static final Duration WINDOW = Duration.ofMinutes(15);

    @Inject
    Throttle throttle;

    @Inject
    @ConfigProperty(name = "licensing.admin.max-failed-logins", defaultValue = "5")
    int maxFailures;

    @Inject
    @ConfigProperty(name = "licensing.admin.max-failed-logins-per-client", defaultValue = "20")
    int maxFailuresPerClient;

    private AttemptLimit perUserAndClient;
    private AttemptLimit perClient;

    @PostConstruct
    void limits() {
        perUserAndClient = new AttemptLimit("staff-login-user", maxFailures, WINDOW);
        perClient = new AttemptLimit("staff-login-client", maxFailuresPerClient, WINDOW);
    }

    /**
     * Checks a password once the user name and the client are below their limits; a check that
     * accepts nothing counts against both.
     *
     * @throws LicensingException {@code TOO_MANY_ATTEMPTS} without checking, when they must wait
     */
    public <T> Optional<T> check(String userName, String client, Supplier<Optional<T>> passwordCheck) {
        String address = client == null ? "unknown" : client;
        // The user name is counted by digest: the table keeps no names typed into the login form.
        return throttle.attempt(passwordCheck, List.of(
                perUserAndClient.of(LimitedSubject.digest(userName + '\n' + address)),
                perClient.of(address)));
    }

    /**
     * Counts a failed attempt found wrong after the check, such as a code spent by another login in the meantime.
     *
     * @throws LicensingException {@code TOO_MANY_ATTEMPTS} when the user name or the client must wait
     */
    public void countFailure(String userName, String client) {
        String address = client == null ? "unknown" : client;
        throttle.count(List.of(perUserAndClient.of(LimitedSubject.digest(userName + '\n' + address)),
                perClient.of(address)));
    }

    /** How long a refused client should wait, at most: the window of counted failures. */
    public long retryAfterSeconds() {
        return WINDOW.toSeconds();
    }
}
