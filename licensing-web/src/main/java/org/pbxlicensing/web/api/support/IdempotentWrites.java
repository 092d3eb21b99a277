package org.pbxlicensing.web.api.support;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.function.Supplier;
import org.pbxlicensing.service.idempotency.IdempotentExecutor;
import org.pbxlicensing.service.idempotency.StoredAnswer;
import org.pbxlicensing.web.api.json.JsonAnswers;

/**
 * Runs a retryable write of the API under its {@code Idempotency-Key}: the answer of the first
 * success is kept and replayed to every retry with the same key and body.
 */
@RequestScoped
public class IdempotentWrites {

    @Inject
    IdempotentExecutor executor;

    /**
     * @param scope  the operation, so that one key may serve different operations
     * @param status the status of a success
     * @param write  does the write and answers what the client sees, serialised as JSON
     */
    public Response run(String scope, String idempotencyKey, byte[] body, int status, Supplier<Object> write) {
        var request = IdempotencyKeys.request(scope, idempotencyKey, body);
        StoredAnswer answer = executor.execute(request, () -> new StoredAnswer(status, JsonAnswers.write(write.get())));
        return Response.status(answer.status()).type(MediaType.APPLICATION_JSON).entity(answer.body()).build();
    }
}
