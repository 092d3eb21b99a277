package org.pbxlicensing.service.licensev2;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.pbxlicensing.domain.audit.Actor;
import org.pbxlicensing.domain.failure.Failure;
import org.pbxlicensing.domain.failure.LicensingException;
import org.pbxlicensing.domain.licensev2.EntitlementRequest;
import org.pbxlicensing.domain.licensev2.EntitlementRequestReader;
import org.pbxlicensing.domain.licensev2.OfflineFingerprint;
import org.pbxlicensing.domain.licensev2.Purpose;
import org.pbxlicensing.domain.licensev2.RefusalReason;
import org.pbxlicensing.domain.licensev2.TokenPayload;
import org.pbxlicensing.domain.licensev2.TokenTerms;
import org.pbxlicensing.infrastructure.config.LicenseV2Settings;
import org.pbxlicensing.infrastructure.metrics.CountedOperation;
import org.pbxlicensing.infrastructure.metrics.CountedOutcome;
import org.pbxlicensing.infrastructure.retry.RetryOnConflict;
import org.pbxlicensing.infrastructure.time.ServerClock;
import org.pbxlicensing.service.registration.RegistrationKey;
import org.pbxlicensing.service.registration.RegistrationLookup;

/**
 * Answers LicenseV2 requests: live polls of {@code POST /entitlement}, and offline request files
 * that the portal and the admin area upload. A request that is not signed by its installation's
 * key is refused before anything is stored. The usual poll of a known installation is answered from
 * one read and one write, and the first poll of one whose features bind to paid seats from that read
 * and one transaction ({@link SteadyPolls}); the others go through the full path. The steps run in transactions of their own: the
 * replay guard commits at once, and an activation that finds no free seat rolls back alone.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@RetryOnConflict
public class EntitlementService {

    @Inject
    RegistrationLookup registrations;

    @Inject
    InstallationRegistry installations;

    @Inject
    InstallationGrants grants;

    @Inject
    HolderDrops drops;

    @Inject
    SteadyPolls steadyPolls;

    @Inject
    OfflineTokens offlineTokens;

    @Inject
    EntitlementSigner signer;

    @Inject
    LicenseV2Settings settings;

    @Inject
    ServerClock clock;

    /** @throws LicensingException {@code VALIDATION_FAILED} for a request that is not signed and well-formed */
    @CountedOutcome(CountedOperation.LICENSEV2_CHECK)
    public EntitlementAnswer answer(byte[] body, Actor actor) {
        EntitlementRequest request = read(body, Purpose.ONLINE);
        Instant now = clock.now();
        Optional<SteadyPolls.PollRead> read = pollRead(request, actor, now);
        if (read.isEmpty()) {
            return signer.refusal(request, RefusalReason.REGISTRATION_NOT_FOUND);
        }
        RegistrationKey registration = read.get().registration();
        Optional<SteadyPolls.Plan> plan = read.get().plan();
        if (plan.isPresent() && plan.get() instanceof SteadyPolls.Steady steady) {
            if (!steadyPolls.record(request, steady, actor.clientAddress(), now)) {
                return EntitlementAnswer.replay();
            }
            return signed(request, steady.grant(), now);
        }
        if (plan.isPresent() && plan.get() instanceof SteadyPolls.FirstPoll first
                && steadyPolls.bind(request, first, registration, actor, now)) {
            return signed(request, first.grant(), now);
        }
        // A new installation's row, made with the request recorded in it, is its claim.
        boolean newInstallation = plan.isPresent() && plan.get() instanceof SteadyPolls.NewInstallation
                && installations.createClaimed(request, registration.id(), actor.clientAddress());
        InstallationClaim claim = newInstallation ? InstallationClaim.ACCEPTED
                : claim(request, registration.id(), actor);
        return switch (claim) {
            case REPLAY -> EntitlementAnswer.replay();
            case RESET_PENDING -> signer.refusal(request, RefusalReason.BINDING_RESET);
            case ACCEPTED -> EntitlementAnswer.token(token(request, registration,
                    TokenTerms.online(clock.now(), settings.pollSeconds(), settings.grace()), null, actor,
                    !newInstallation));
            case UNKNOWN -> throw new IllegalStateException("Installation " + request.install() + " vanished");
        };
    }

    private EntitlementAnswer signed(EntitlementRequest request, InstallationGrant grant, Instant now) {
        return EntitlementAnswer.token(signer.token(new TokenPayload(signer.kid(), request,
                TokenTerms.online(now, settings.pollSeconds(), settings.grace()), grant.licenseEnds(), grant.seats(),
                List.of(), null)));
    }

    /** Claims the request for its installation, creating the installation's row at its first request. */
    private InstallationClaim claim(EntitlementRequest request, long registrationId, Actor actor) {
        InstallationClaim claim = installations.claim(request, registrationId, actor.clientAddress());
        if (claim != InstallationClaim.UNKNOWN) {
            return claim;
        }
        installations.createIfAbsent(request, registrationId);
        return installations.claim(request, registrationId, actor.clientAddress());
    }

    /**
     * The answer to an offline request file, to be carried back to the PBX. The same request file
     * (the same nonce) gets the same token again.
     */
    public EntitlementAnswer answerOffline(byte[] requestFile, Actor actor) {
        EntitlementRequest request = read(requestFile, Purpose.OFFLINE);
        Optional<String> kept = offlineTokens.find(request.install(), request.nonce());
        if (kept.isPresent()) {
            return EntitlementAnswer.token(kept.get());
        }
        Optional<RegistrationKey> registration = registration(request, actor);
        if (registration.isEmpty()) {
            return signer.refusal(request, RefusalReason.REGISTRATION_NOT_FOUND);
        }
        return answerOffline(request, registration.get(), actor);
    }

    /**
     * The portal's offline exchange: a customer answers request files of their own registration only.
     *
     * @throws LicensingException {@code REGISTRATION_NOT_FOUND} when the file names another registration
     */
    public EntitlementAnswer answerOfflineOf(long registrationId, byte[] requestFile, Actor customer) {
        EntitlementRequest request = read(requestFile, Purpose.OFFLINE);
        Optional<RegistrationKey> registration = registration(request, customer).filter(r -> r.id() == registrationId);
        if (registration.isEmpty()) {
            throw new LicensingException(Failure.REGISTRATION_NOT_FOUND);
        }
        Optional<String> kept = offlineTokens.find(request.install(), request.nonce());
        return kept.isPresent() ? EntitlementAnswer.token(kept.get())
                : answerOffline(request, registration.get(), customer);
    }

    private EntitlementAnswer answerOffline(EntitlementRequest request, RegistrationKey registration, Actor actor) {
        if (claim(request, registration.id(), actor) == InstallationClaim.RESET_PENDING) {
            return signer.refusal(request, RefusalReason.BINDING_RESET);
        }
        var terms = TokenTerms.offline(clock.now(), settings.offlineValidity());
        String token = token(request, registration, terms, OfflineFingerprint.of(request.fingerprint()).orElse(null),
                actor, true);
        return EntitlementAnswer.token(offlineTokens.keep(request.install(), request.nonce(), token));
    }

    private String token(EntitlementRequest request, RegistrationKey registration, TokenTerms terms,
            OfflineFingerprint fingerprint, Actor actor, boolean dropsMayWait) {
        var grant = grants.grant(registration, request, actor, terms.issuedAt());
        // Most polls have no drop waiting: they are spared the locking read's transaction. An installation
        // new at this poll has none: drops are of holders it reported.
        List<String> dropped = dropsMayWait && drops.anyWaiting(request.install()) ? drops.take(request.install())
                : List.of();
        return signer.token(new TokenPayload(signer.kid(), request, terms, grant.licenseEnds(), grant.seats(),
                dropped, fingerprint));
    }

    /** The poll's registration and plan, read with the client's failed guesses; empty for an unknown number. */
    private Optional<SteadyPolls.PollRead> pollRead(EntitlementRequest request, Actor actor, Instant now) {
        return unlessNotFound(() -> registrations.requireCounted(request.key(), actor.clientAddress(),
                (number, guesser) -> steadyPolls.read(request, number, guesser, now)));
    }

    private Optional<RegistrationKey> registration(EntitlementRequest request, Actor actor) {
        return unlessNotFound(() -> registrations.requireKey(request.key(), actor.clientAddress()));
    }

    /** What the look-up found, or empty where it refused an unknown number: a PBX gets a signed refusal for that. */
    private static <T> Optional<T> unlessNotFound(Supplier<T> lookUp) {
        try {
            return Optional.of(lookUp.get());
        } catch (LicensingException e) {
            if (e.failure() == Failure.REGISTRATION_NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static EntitlementRequest read(byte[] body, Purpose expected) {
        EntitlementRequest request = EntitlementRequestReader.read(body);
        if (request.purpose() != expected) {
            throw LicensingException.invalid("purpose", "PURPOSE_" + expected.name());
        }
        return request;
    }
}
