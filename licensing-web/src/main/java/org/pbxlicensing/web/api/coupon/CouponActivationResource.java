package org.pbxlicensing.web.api.coupon;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.pbxlicensing.infrastructure.retry.RetryOnConflict;
import org.pbxlicensing.service.coupon.CouponService;
import org.pbxlicensing.web.api.json.JsonRequest;
import org.pbxlicensing.web.request.ClientRequest;
import org.pbxlicensing.web.api.support.IdempotencyKeys;
import org.pbxlicensing.web.api.support.IdempotentWrites;
import org.pbxlicensing.web.api.support.LicenseView;

/** {@code POST /api/v1/coupon-activations}: a coupon becomes a paid license of a registration, once. */
@Path("v1/coupon-activations")
@ApplicationScoped
@RetryOnConflict
public class CouponActivationResource {

    @Inject
    CouponService coupons;

    @Inject
    IdempotentWrites writes;

    @Inject
    ClientRequest client;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response activate(@HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey, byte[] body) {
        var json = JsonRequest.parse(body);
        String registrationNumber = json.requiredString("registrationNumber");
        String coupon = json.requiredString("coupon");
        json.requireValid();

        return writes.run("coupon-activation", idempotencyKey, body, 200, () -> {
            var activation = coupons.activate(coupon, registrationNumber, client.apiActor());
            return new CouponActivationAnswer(activation.code().value(), LicenseView.of(activation.license()));
        });
    }

    public record CouponActivationAnswer(String coupon, LicenseView license) {
    }
}
