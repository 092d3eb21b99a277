package org.pbxlicensing.domain.registration;

import java.time.Duration;
import java.time.Instant;
import org.pbxlicensing.domain.throttle.LimitedSubject;

/**
 * What makes two submissions of the portal's registration form the same: one email, whatever its
 * case, for one company, whatever its spelling ({@link Registration#companyKey}). Kept as a digest, so
 * the table of submissions holds no address.
 */
public record SubmissionKey(String value) {

    /** How long a registration answers a repeated submission instead of a new registration. */
    public static final Duration REPEAT_WINDOW = Duration.ofDays(1);

    public static SubmissionKey of(String email, String company) {
        return new SubmissionKey(LimitedSubject.digest(
                Registration.normalizedEmail(email) + '\n' + Registration.companyKey(company)));
    }

    /** Whether a registration made at {@code registeredAt} still answers a submission made at {@code now}. */
    public static boolean repeats(Instant registeredAt, Instant now) {
        return registeredAt != null && registeredAt.isAfter(now.minus(REPEAT_WINDOW));
    }
}
