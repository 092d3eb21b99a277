package org.pbxlicensing.domain.failure;

/**
 * One invalid field of a request: the field's name (dotted for nested fields, e.g. {@code host.id})
 * and a stable code such as {@code REQUIRED} or {@code TOO_LONG}.
 */
public record FieldError(String field, String code) {

    public static final String REQUIRED = "REQUIRED";
    public static final String TOO_LONG = "TOO_LONG";
    public static final String INVALID_FORMAT = "INVALID_FORMAT";
    public static final String INVALID_TYPE = "INVALID_TYPE";
    public static final String UNKNOWN_FEATURE = "UNKNOWN_FEATURE";
    public static final String CONSENT_REQUIRED = "CONSENT_REQUIRED";
    public static final String MALFORMED_JSON = "MALFORMED_JSON";
    public static final String OUT_OF_RANGE = "OUT_OF_RANGE";
}
