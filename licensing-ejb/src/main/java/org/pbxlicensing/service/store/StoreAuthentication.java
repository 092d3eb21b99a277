package org.pbxlicensing.service.store;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.pbxlicensing.domain.audit.Actor;
import org.pbxlicensing.domain.audit.ActorType;
import org.pbxlicensing.service.audit.AuditLog;

/** Knows the online store by its bearer API key. Without a configured key, nobody is the store. */
@Stateless
public class StoreAuthentication {

    private static final String BEARER = "Bearer ";

    @Inject
    @ConfigProperty(name = "licensing.store.api.key")
    Optional<String> apiKey;

    @Inject
    AuditLog audit;

    /** Compares digests of equal length, so the time taken says nothing about the key. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public boolean accepts(String authorization) {
        if (apiKey.isEmpty() || apiKey.get().isBlank() || authorization == null
                || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return false;
        }
        String presented = authorization.substring(BEARER.length()).strip();
        return MessageDigest.isEqual(sha256(presented), sha256(apiKey.get()));
    }

    /** The only trace a refused caller leaves. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordRefusal(String clientAddress) {
        audit.record(new Actor(ActorType.STORE, null, clientAddress), "STORE_AUTHENTICATION_FAILED", null, null,
                null);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
