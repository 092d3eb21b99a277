package org.pbxlicensing.web.api.problem;

/** Codes of error answers that come from the HTTP layer rather than from a business rule. */
public enum ProblemCode {
    METHOD_NOT_ALLOWED(405),
    NOT_ACCEPTABLE(406),
    UNSUPPORTED_MEDIA_TYPE(415),
    PAYLOAD_TOO_LARGE(413),
    SERVICE_UNAVAILABLE(503),
    INTERNAL_ERROR(500);

    private final int status;

    ProblemCode(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }
}
