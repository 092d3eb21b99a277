package org.pbxlicensing.web.portal;

import jakarta.faces.context.FacesContext;
import org.pbxlicensing.domain.failure.Failure;
import org.pbxlicensing.domain.failure.LicensingException;

/** A page that refuses a throttled guesser answers like the API: 429 with Retry-After, not a friendly 200. */
final class TooManyAttempts {

    private TooManyAttempts() {
    }

    static void answerWith429(LicensingException refusal) {
        if (refusal.failure() != Failure.TOO_MANY_ATTEMPTS) {
            return;
        }
        var external = FacesContext.getCurrentInstance().getExternalContext();
        external.setResponseStatus(429);
        Object retryAfter = refusal.details().get("retryAfterSeconds");
        if (retryAfter != null) {
            external.setResponseHeader("Retry-After", String.valueOf(retryAfter));
        }
    }
}
