package org.pbxlicensing.infrastructure.retry;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.io.Serializable;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs a {@link RetryOnConflict} call again after a database conflict, after a random pause that
 * grows with every retry, so that the contenders do not meet again at once. Every retry is logged with the node's running
 * count ("conflict retry #n"), which the cluster scripts report.
 */
@RetryOnConflict
@Interceptor
@Priority(Interceptor.Priority.LIBRARY_BEFORE)
public class ConflictRetryInterceptor implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ConflictRetryInterceptor.class.getName());
    private static final AtomicLong RETRIES = new AtomicLong();

    @Inject
    @ConfigProperty(name = "licensing.conflict.retries", defaultValue = "6")
    int maxRetries;

    @Resource(lookup = "java:comp/TransactionSynchronizationRegistry")
    transient TransactionSynchronizationRegistry transactions;

    @AroundInvoke
    public Object retry(InvocationContext call) throws Exception {
        var policy = new ConflictRetryPolicy(maxRetries);
        boolean insideTransaction = transactions().getTransactionStatus() != Status.STATUS_NO_TRANSACTION;
        for (int retries = 0; ; retries++) {
            try {
                return call.proceed();
            } catch (Exception failure) {
                if (!policy.shouldRetry(failure, retries, insideTransaction)) {
                    throw insideTransaction || !ConflictRetryPolicy.isConflict(failure)
                            ? failure : ConflictRetryPolicy.giveUp(failure);
                }
                long retry = RETRIES.incrementAndGet();
                LOG.info(() -> "Write conflict in " + call.getMethod().getDeclaringClass().getSimpleName() + "."
                        + call.getMethod().getName() + ", running it again: conflict retry #" + retry);
                Thread.sleep(ConflictRetryPolicy.pauseBeforeRetry(retries, ThreadLocalRandom.current()::nextLong).toMillis());
            }
        }
    }

    private TransactionSynchronizationRegistry transactions() throws NamingException {
        if (transactions == null) {
            transactions = (TransactionSynchronizationRegistry) new InitialContext()
                    .lookup("java:comp/TransactionSynchronizationRegistry");
        }
        return transactions;
    }
}
