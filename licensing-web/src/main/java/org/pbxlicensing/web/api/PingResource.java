package org.pbxlicensing.web.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/** Touches neither the database nor the signing key: the ceiling of the stack for benchmarks. */
@Path("v1/ping")
@ApplicationScoped
public class PingResource {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, String> ping() {
        return Map.of("status", "ok", "time", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    }
}
