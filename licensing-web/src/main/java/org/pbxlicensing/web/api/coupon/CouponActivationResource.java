package org.pbxlicensing.web.api.coupon;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.pbxlicensing.service.coupon.CouponService;
import org.pbxlicensing.service.idempotency.IdempotentExecutor;
import org.pbxlicensing.service.idempotency.StoredAnswer;
import org.pbxlicensing.web.api.json.JsonAnswers;
import org.pbxlicensing.web.api.json.JsonRequest;
import org.pbxlicensing.web.api.support.ClientRequest;
import org.pbxlicensing.web.api.support.IdempotencyKeys;
import org.pbxlicensing.web.api.support.LicenseView;

/** {@code POST /api/v1/coupon-activations}: a coupon becomes a paid license of a registration, once. */
@Path("v1/coupon-activations")
@RequestScoped
public class CouponActivationResource {

    @Inject
    CouponService coupons;

    @Inject
    IdempotentExecutor idempotent;

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

        var request = IdempotencyKeys.request("coupon-activation", idempotencyKey, body);
        StoredAnswer answer = idempotent.execute(request, () -> {
            var activation = coupons.activate(coupon, registrationNumber, client.apiActor());
            return new StoredAnswer(200, JsonAnswers.write(
                    new CouponActivationAnswer(activation.code().value(), LicenseView.of(activation.license()))));
        });
        return Response.status(answer.status()).type(MediaType.APPLICATION_JSON).entity(answer.body()).build();
    }

    public record CouponActivationAnswer(String coupon, LicenseView license) {
    }
}
