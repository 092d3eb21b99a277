package org.pbxlicensing.infrastructure.metrics;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.time.Duration;

/** Times the calls of {@link TimedSigning} methods. */
@Interceptor
@TimedSigning("")
@Priority(Interceptor.Priority.LIBRARY_BEFORE)
public class SigningTiming {

    @Inject
    Meters meters;

    @AroundInvoke
    Object time(InvocationContext invocation) throws Exception {
        long start = System.nanoTime();
        try {
            return invocation.proceed();
        } finally {
            meters.timer("licensing.signing", "format", invocation.getMethod().getAnnotation(TimedSigning.class).value())
                    .record(Duration.ofNanos(System.nanoTime() - start));
        }
    }
}
