package org.pbxlicensing.service.portal;

import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.pbxlicensing.domain.audit.Actor;
import org.pbxlicensing.domain.audit.ActorType;
import org.pbxlicensing.domain.failure.LicensingException;
import org.pbxlicensing.domain.registration.CompanyMailboxes;
import org.pbxlicensing.domain.registration.LoginLink;
import org.pbxlicensing.domain.registration.LoginLinkRefusal;
import org.pbxlicensing.domain.registration.LoginLinkToken;
import org.pbxlicensing.domain.registration.Registration;
import org.pbxlicensing.domain.registration.RegistrationFormRules;
import org.pbxlicensing.infrastructure.config.LicensingSettings;
import org.pbxlicensing.infrastructure.time.ServerClock;
import org.pbxlicensing.service.audit.AuditLog;
import org.pbxlicensing.service.registration.MailedRequestLimits;
import org.pbxlicensing.service.throttle.Throttle;

/**
 * Logging in by a link mailed to the registration's email. A request does the same work whether or not
 * the email is known (count the attempt, store a link); only the mailer, after the answer, looks the
 * registrations up and mails nothing to an unknown email. A link is spent by one conditional update, so
 * of two uses at once exactly one logs in.
 */
@Stateless
public class LoginLinks {

    /** How long a spent or expired link is kept, so that its page can still say "used" or "expired". */
    static final Duration RETENTION = Duration.ofDays(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "licensing")
    EntityManager em;

    @Inject
    LoginLinkQueries queries;

    @Inject
    Throttle throttle;

    @Inject
    LicensingSettings settings;

    @Inject
    ServerClock clock;

    @Inject
    AuditLog audit;

    @Inject
    Event<LoginLinkMinted> minted;

    @Inject
    MailedRequestLimits limits;

    /**
     * @throws LicensingException {@code VALIDATION_FAILED} for a malformed email, {@code TOO_MANY_ATTEMPTS}
     *     when the client or the email asked too often in the last hour
     */
    public void request(String email, String client) {
        RegistrationFormRules.emailViolation("email", email).ifPresent(error -> {
            throw LicensingException.invalid(List.of(error));
        });
        String normalized = Registration.normalizedEmail(email);
        if (settings.throttleEnabled()) {
            throttle.count(limits.subjects("login-link", normalized, client));
        }
        LoginLinkToken token = LoginLinkToken.generate(RANDOM);
        LoginLink link = new LoginLink(token, normalized, clock.now());
        em.persist(link);
        minted.fire(new LoginLinkMinted(token, normalized, link.expiresAt()));
    }

    /** Why the link would not log in now, without spending it; empty if it would. */
    public Optional<LoginLinkRefusal> refusal(String tokenText) {
        Optional<LoginLink> link = LoginLinkToken.tryParse(tokenText).flatMap(queries::linkOf);
        if (link.isEmpty()) {
            return Optional.of(LoginLinkRefusal.UNKNOWN);
        }
        return link.get().refusalAt(clock.now());
    }

    /**
     * The language the link's mail was written in, that of the email's latest registration, so that the page
     * the link opens speaks as the mail did; empty for a link that is no link.
     */
    public Optional<String> language(String tokenText) {
        return LoginLinkToken.tryParse(tokenText).flatMap(queries::linkOf)
                .flatMap(link -> latest(queries.registrationsWithEmail(link.email())))
                .map(Registration::language);
    }

    /** The registration made last: the one whose language a login link's mail and page take. */
    static Optional<Registration> latest(List<Registration> registrations) {
        return registrations.stream().max(Comparator.comparing(Registration::createdAt).thenComparing(Registration::id));
    }

    /** Spends the link: the registrations it opens, or why it opens none. */
    public LoginLinkOutcome use(String tokenText, String client) {
        Optional<LoginLinkToken> token = LoginLinkToken.tryParse(tokenText);
        if (token.isEmpty()) {
            return LoginLinkOutcome.refused(LoginLinkRefusal.UNKNOWN);
        }
        Instant now = clock.now();
        boolean spent = queries.spend(token.get(), now);
        Optional<LoginLink> link = queries.linkOf(token.get());
        if (!spent || link.isEmpty()) {
            return LoginLinkOutcome.refused(link.flatMap(found -> found.refusalAt(now)).orElse(
                    link.isEmpty() ? LoginLinkRefusal.UNKNOWN : LoginLinkRefusal.USED));
        }
        List<Registration> opened = openedBy(link.get().email());
        if (opened.isEmpty()) {
            return LoginLinkOutcome.refused(LoginLinkRefusal.UNKNOWN);
        }
        Actor customer = new Actor(ActorType.PORTAL, null, client);
        opened.forEach(registration -> audit.record(customer, "PORTAL_LOGIN_BY_LINK", registration.id(),
                registration.number().masked(), null));
        return LoginLinkOutcome.loggedIn(opened);
    }

    /**
     * The registrations a link to the email opens, oldest first: the email's own, and its company's at the
     * company's own mail domain ({@link CompanyMailboxes}). None for an email without registrations.
     */
    public List<Registration> openedBy(String email) {
        String normalized = Registration.normalizedEmail(email);
        List<Registration> own = queries.registrationsWithEmail(normalized);
        if (own.isEmpty()) {
            return List.of();
        }
        CompanyMailboxes company = CompanyMailboxes.of(normalized, own);
        List<Registration> candidates = CompanyMailboxes.companyDomain(normalized)
                .map(queries::registrationsAtDomain)
                .orElse(own);
        return candidates.stream()
                .filter(company::opens)
                .sorted(Comparator.comparing(Registration::createdAt).thenComparing(Registration::id))
                .toList();
    }

    @Schedule(hour = "*", minute = "17", persistent = false)
    void forgetOldLinks() {
        queries.forgetLinksExpiredBefore(clock.now().minus(RETENTION));
    }
}
