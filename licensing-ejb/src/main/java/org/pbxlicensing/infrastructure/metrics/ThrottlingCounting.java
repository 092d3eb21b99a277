package org.pbxlicensing.infrastructure.metrics;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import org.pbxlicensing.domain.failure.Failure;
import org.pbxlicensing.domain.failure.LicensingException;
import org.pbxlicensing.domain.throttle.AttemptLimit;

/** Counts the requests a throttle refused, per bucket ({@code licensing.throttled}). */
@Interceptor
@CountedThrottling
@Priority(Interceptor.Priority.LIBRARY_BEFORE)
public class ThrottlingCounting {

    @Inject
    Meters meters;

    @AroundInvoke
    Object count(InvocationContext invocation) throws Exception {
        try {
            return invocation.proceed();
        } catch (LicensingException refusal) {
            if (refusal.failure() == Failure.TOO_MANY_ATTEMPTS
                    && invocation.getParameters()[0] instanceof AttemptLimit limit) {
                meters.counter("licensing.throttled", "bucket", limit.bucket()).increment();
            }
            throw refusal;
        }
    }
}
