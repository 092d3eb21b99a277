package org.pbxlicensing.service.licensev2;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.Optional;
import org.pbxlicensing.infrastructure.time.ServerClock;

/**
 * Tokens answering offline request files, kept by install id and nonce: the same file uploaded
 * again, or uploaded twice at once, gets the token of the first answer.
 */
@Stateless
public class OfflineTokens {

    @Inject
    OfflineTokenQueries tokens;

    @Inject
    ServerClock clock;

    public Optional<String> find(String installId, String nonce) {
        return tokens.token(installId, nonce);
    }

    /** @return the token kept for the nonce: this one, or the one of an upload that came first */
    public String keep(String installId, String nonce, String token) {
        tokens.keepUnlessKept(installId, nonce, token, clock.now());
        return find(installId, nonce).orElseThrow();
    }
}
