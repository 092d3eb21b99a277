package org.pbxlicensing.infrastructure.metrics;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Counts the refusals ({@code TOO_MANY_ATTEMPTS}) of a throttle method whose first parameter is the
 * {@link org.pbxlicensing.domain.throttle.AttemptLimit} it enforces.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface CountedThrottling {
}
