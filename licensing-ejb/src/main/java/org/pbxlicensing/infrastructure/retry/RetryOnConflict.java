package org.pbxlicensing.infrastructure.retry;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs the method again, a bounded number of times, when the database aborted its transaction as a
 * deadlock or a Galera certification conflict (MariaDB error 1213, SQLState 40001). The transaction
 * must begin inside the method: put it on a caller that has none (a JAX-RS resource, a bean that
 * does not support transactions), never on a method that runs in its caller's transaction, since
 * that transaction is committed only after the method returns.
 */
@Inherited
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RetryOnConflict {
}
