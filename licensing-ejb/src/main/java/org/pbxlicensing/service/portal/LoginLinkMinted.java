package org.pbxlicensing.service.portal;

import java.time.Instant;
import org.pbxlicensing.domain.registration.LoginLinkToken;

/** A login link was made; its token lives only in this event, on its way into the mail. */
public record LoginLinkMinted(LoginLinkToken token, String email, Instant expiresAt) {
}
