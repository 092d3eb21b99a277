package org.pbxlicensing.domain.throttle;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One subject (a client address, an email's digest) counted against one limit. A subject that is not
 * short printable ASCII is counted by its SHA-256 digest, which is.
 */
public record LimitedSubject(AttemptLimit limit, String subject) {

    public static final int MAX_SUBJECT_LENGTH = 64;

    public LimitedSubject {
        if (subject == null || subject.isEmpty()) {
            throw new IllegalArgumentException("a subject is named");
        }
        if (subject.length() > MAX_SUBJECT_LENGTH || !subject.chars().allMatch(c -> c > ' ' && c < 127)) {
            subject = digest(subject);
        }
    }

    /** The order in which subjects are locked, the same for every attempt, so that two never wait for each other. */
    public String lockKey() {
        return limit.bucket() + ' ' + subject;
    }

    /** The hexadecimal SHA-256 digest of a text's UTF-8 bytes: 64 characters that keep nothing of it readable. */
    public static String digest(String text) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
