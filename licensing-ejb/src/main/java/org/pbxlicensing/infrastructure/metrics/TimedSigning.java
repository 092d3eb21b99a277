package org.pbxlicensing.infrastructure.metrics;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Times the method as signing of the given format ({@code licensing.signing}). */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface TimedSigning {

    /** What is signed: {@code certificate} (API) or {@code licensev2} (tokens and refusals). */
    @Nonbinding
    String value();
}
