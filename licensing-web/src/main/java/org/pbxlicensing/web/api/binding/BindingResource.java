package org.pbxlicensing.web.api.binding;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.pbxlicensing.domain.binding.HostBinding;
import org.pbxlicensing.domain.binding.HostDetails;
import org.pbxlicensing.domain.failure.LicensingException;
import org.pbxlicensing.infrastructure.retry.RetryOnConflict;
import org.pbxlicensing.service.binding.BindingService;
import org.pbxlicensing.web.request.ClientRequest;

/** The host bindings of a registration: list them, release those of one host. */
@Path("v1/registrations/{registrationNumber}/bindings")
@ApplicationScoped
@RetryOnConflict
public class BindingResource {

    @Inject
    BindingService bindings;

    @Inject
    ClientRequest client;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<BindingView> list(@PathParam("registrationNumber") String registrationNumber) {
        return bindings.activeBindings(registrationNumber, client.address()).stream().map(BindingView::of).toList();
    }

    @DELETE
    @Path("{hostId}")
    public Response reset(@PathParam("registrationNumber") String registrationNumber,
            @PathParam("hostId") String hostId) {
        HostDetails.idViolation(hostId, "hostId").ifPresent(error -> {
            throw LicensingException.invalid(List.of(error));
        });
        bindings.reset(registrationNumber, hostId, client.apiActor(), "released through the API");
        return Response.noContent().build();
    }

    public record BindingView(String hostId, String hostName, String os, String productVersion, String ip,
            FeatureRef feature, Instant boundAt, Instant lastSeenAt) {

        static BindingView of(HostBinding binding) {
            var feature = binding.license().feature();
            return new BindingView(binding.hostId(), binding.hostName(), binding.os(), binding.productVersion(),
                    binding.ip(), new FeatureRef(feature.number(), feature.name()), binding.boundAt(),
                    binding.lastSeenAt());
        }
    }

    public record FeatureRef(int number, String name) {
    }
}
