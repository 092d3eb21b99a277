package org.pbxlicensing.service.store;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.pbxlicensing.domain.audit.Actor;
import org.pbxlicensing.domain.audit.ActorType;
import org.pbxlicensing.domain.failure.LicensingException;
import org.pbxlicensing.domain.throttle.AttemptLimit;
import org.pbxlicensing.service.audit.AuditLog;
import org.pbxlicensing.service.throttle.GuessThrottle;
import org.pbxlicensing.service.throttle.Throttle;

/** Knows the online store by its bearer API key. Without a configured key, nobody is the store. */
@Stateless
public class StoreAuthentication {

    private static final String BEARER = "Bearer ";
    private static final AttemptLimit AUDITED_REFUSALS = new AttemptLimit("store-key-audit", 1, Duration.ofMinutes(1));

    @Inject
    @ConfigProperty(name = "licensing.store.api.key")
    Optional<String> apiKey;

    @Inject
    GuessThrottle guesses;

    @Inject
    Throttle throttle;

    @Inject
    AuditLog audit;

    /**
     * Whether the caller is the store. A wrong key counts as a failed look-up of the client, and is
     * audited at most once per client and minute.
     *
     * @throws LicensingException {@code TOO_MANY_ATTEMPTS}, without looking at the key, after too many
     *     wrong keys or other failed look-ups from the client
     */
    public boolean admits(String authorization, String client) {
        boolean accepted = guesses.lookUp(client, () -> accepts(authorization) ? Optional.of(true) : Optional.empty())
                .isPresent();
        if (!accepted) {
            recordRefusal(client);
        }
        return accepted;
    }

    /** Compares digests of equal length, so the time taken says nothing about the key. */
    private boolean accepts(String authorization) {
        if (apiKey.isEmpty() || apiKey.get().isBlank() || authorization == null
                || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return false;
        }
        String presented = authorization.substring(BEARER.length()).strip();
        return MessageDigest.isEqual(sha256(presented), sha256(apiKey.get()));
    }

    private void recordRefusal(String client) {
        try {
            if (client != null) {
                throttle.count(List.of(AUDITED_REFUSALS.of(client)));
            }
        } catch (LicensingException alreadyAudited) {
            return;
        }
        audit.record(new Actor(ActorType.STORE, null, client), "STORE_AUTHENTICATION_FAILED", null, null, null);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
