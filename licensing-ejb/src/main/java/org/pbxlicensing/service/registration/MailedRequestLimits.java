package org.pbxlicensing.service.registration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.pbxlicensing.domain.throttle.AttemptLimit;
import org.pbxlicensing.domain.throttle.LimitedSubject;

/**
 * How often anyone may have something mailed on request (a forgotten number, a login link): per email
 * and per client address, within an hour. Each kind of mail counts on its own.
 */
@ApplicationScoped
public class MailedRequestLimits {

    static final Duration WINDOW = Duration.ofHours(1);

    @Inject
    @ConfigProperty(name = "licensing.reminder.max-per-email", defaultValue = "3")
    int maxPerEmail;

    @Inject
    @ConfigProperty(name = "licensing.reminder.max-per-client", defaultValue = "10")
    int maxPerClient;

    /** What one request of the kind counts against: the email, by digest (no address is kept), and the client. */
    public List<LimitedSubject> subjects(String kind, String normalizedEmail, String client) {
        LimitedSubject byEmail = new AttemptLimit(kind + "-email", maxPerEmail, WINDOW)
                .of(LimitedSubject.digest(normalizedEmail));
        return client == null ? List.of(byEmail)
                : List.of(new AttemptLimit(kind + "-client", maxPerClient, WINDOW).of(client), byEmail);
    }
}
