package org.pbxlicensing.infrastructure.metrics;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.util.Arrays;
import org.pbxlicensing.domain.failure.Failure;
import org.pbxlicensing.domain.failure.LicensingException;

/**
 * Counts calls of {@link CountedOutcome} methods by outcome; a refusal for want of seats also counts
 * as seats exhausted; checks of either protocol also count as polls for the dashboard ({@link PollTally}).
 * Meters are taken by name and tags only: the registry WildFly injects exports just those, while a meter built with {@code Meter.builder(…).register(registry)} stays in the
 * deployment and is never scraped.
 */
@Interceptor
@CountedOutcome(CountedOperation.CHECK)
@Priority(Interceptor.Priority.LIBRARY_BEFORE)
public class OutcomeCounting {

    static final String SEATS_EXHAUSTED = "licensing.seats.exhausted";

    @Inject
    Meters meters;

    @Inject
    PollTally polls;

    @AroundInvoke
    Object count(InvocationContext invocation) throws Exception {
        CountedOperation operation = operation(invocation);
        if (operation.isPoll()) {
            polls.count();
        }
        try {
            Object result = invocation.proceed();
            count(operation, "ok");
            return result;
        } catch (LicensingException refusal) {
            count(operation, refusal.failure().name());
            if (refusal.failure() == Failure.SEATS_EXHAUSTED) {
                meters.counter(SEATS_EXHAUSTED, "operation", operation.seatOperation()).increment();
            }
            throw refusal;
        } catch (RuntimeException failure) {
            count(operation, "error");
            throw failure;
        }
    }

    private void count(CountedOperation operation, String outcome) {
        String[] tags = Arrays.copyOf(operation.tag(), operation.tag().length + 2);
        tags[tags.length - 2] = "outcome";
        tags[tags.length - 1] = outcome;
        meters.counter(operation.meter(), tags).increment();
    }

    private static CountedOperation operation(InvocationContext invocation) {
        CountedOutcome binding = invocation.getMethod().getAnnotation(CountedOutcome.class);
        if (binding == null) {
            binding = invocation.getMethod().getDeclaringClass().getAnnotation(CountedOutcome.class);
        }
        return binding.value();
    }
}
