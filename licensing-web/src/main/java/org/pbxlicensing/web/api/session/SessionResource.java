package org.pbxlicensing.web.api.session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.pbxlicensing.domain.failure.Failure;
import org.pbxlicensing.domain.failure.FieldError;
import org.pbxlicensing.domain.failure.LicensingException;
import org.pbxlicensing.domain.session.SessionHolder;
import org.pbxlicensing.infrastructure.retry.RetryOnConflict;
import org.pbxlicensing.service.session.SessionService;
import org.pbxlicensing.web.api.json.JsonRequest;
import org.pbxlicensing.web.request.ClientRequest;
import org.pbxlicensing.web.api.support.IdempotencyKeys;
import org.pbxlicensing.web.api.support.IdempotentWrites;

/**
 * {@code /api/v1/sessions}: a client captures a seat of a per-session feature, heartbeats it
 * within its time to live, and releases it.
 */
@Path("v1/sessions")
@ApplicationScoped
@RetryOnConflict
public class SessionResource {

    @Inject
    SessionService sessions;

    @Inject
    IdempotentWrites writes;

    @Inject
    ClientRequest client;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response capture(@HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey, byte[] body) {
        var json = JsonRequest.parse(body);
        String registrationNumber = json.requiredString("registrationNumber");
        Integer feature = json.requiredInteger("feature");
        SessionHolder holder = readHolder(json);
        json.requireValid();

        return writes.run("session-capture", idempotencyKey, body, 201, () -> {
            var lease = sessions.capture(registrationNumber, feature, holder, client.apiActor());
            return new CaptureAnswer(lease.sessionId().value(), lease.ttl().toSeconds());
        });
    }

    @PUT
    @Path("{sessionId}")
    @Produces(MediaType.APPLICATION_JSON)
    public HeartbeatAnswer heartbeat(@PathParam("sessionId") String sessionId) {
        return sessions.heartbeat(sessionId)
                .map(ttl -> new HeartbeatAnswer(ttl.toSeconds()))
                .orElseThrow(() -> new LicensingException(Failure.SESSION_NOT_FOUND));
    }

    /** Always 204: releasing a session that is unknown or already ended is what a retry does. */
    @DELETE
    @Path("{sessionId}")
    public Response release(@PathParam("sessionId") String sessionId) {
        sessions.release(sessionId, client.apiActor());
        return Response.noContent().build();
    }

    private static SessionHolder readHolder(JsonRequest json) {
        var holderJson = json.object("holder");
        if (holderJson == null) {
            if (json.errors().stream().noneMatch(error -> error.field().equals("holder"))) {
                json.addError("holder", FieldError.REQUIRED);
            }
            return null;
        }
        var holder = new SessionHolder(holderJson.string("host"), holderJson.string("user"),
                holderJson.string("process"));
        SessionHolder.violations(holder, "holder.").stream()
                .filter(error -> !json.errors().contains(error))
                .forEach(error -> json.addError(error.field(), error.code()));
        return holder;
    }

    public record CaptureAnswer(String sessionId, long ttlSeconds) {
    }

    public record HeartbeatAnswer(long ttlSeconds) {
    }
}
