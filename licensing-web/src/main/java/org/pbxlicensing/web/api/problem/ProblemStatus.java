package org.pbxlicensing.web.api.problem;

import org.pbxlicensing.domain.failure.Failure;

/** The HTTP status that goes with each refusal. */
final class ProblemStatus {

    private ProblemStatus() {
    }

    static int of(Failure failure) {
        return switch (failure) {
            case VALIDATION_FAILED -> 400;
            case UNAUTHORIZED -> 401;
            case FORBIDDEN -> 403;
            case REGISTRATION_NOT_FOUND, BINDING_NOT_FOUND, COUPON_NOT_FOUND, SESSION_NOT_FOUND, NOT_FOUND -> 404;
            case EMAIL_REGISTERED_TO_OTHER_COMPANY, SEATS_EXHAUSTED, TRIAL_ALREADY_USED, COUPON_ALREADY_ACTIVATED,
                    COUPON_REVOKED, EULA_VERSION_NOT_CURRENT, NOT_LICENSED, IDEMPOTENCY_KEY_REUSED -> 409;
            case RESET_QUOTA_EXCEEDED, TOO_MANY_ATTEMPTS -> 429;
        };
    }
}
