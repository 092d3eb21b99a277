package org.pbxlicensing.domain.failure;

/**
 * Why a request of a PBX, a customer or the store was refused. Each value is a stable machine word
 * that clients see as the {@code code} of an error answer.
 */
public enum Failure {
    VALIDATION_FAILED,
    REGISTRATION_NOT_FOUND,
    EMAIL_REGISTERED_TO_OTHER_COMPANY,
    SEATS_EXHAUSTED,
    TRIAL_ALREADY_USED,
    BINDING_NOT_FOUND,
    COUPON_NOT_FOUND,
    COUPON_ALREADY_ACTIVATED,
    COUPON_REVOKED,
    EULA_VERSION_NOT_CURRENT,
    SESSION_NOT_FOUND,
    NOT_LICENSED,
    RESET_QUOTA_EXCEEDED,
    IDEMPOTENCY_KEY_REUSED,
    TOO_MANY_ATTEMPTS,
    UNAUTHORIZED,
    FORBIDDEN,
    NOT_FOUND
}
