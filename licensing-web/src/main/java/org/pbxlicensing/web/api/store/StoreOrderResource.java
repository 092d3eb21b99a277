package org.pbxlicensing.web.api.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.pbxlicensing.domain.audit.Actor;
import org.pbxlicensing.domain.audit.ActorType;
import org.pbxlicensing.domain.coupon.CouponTerms;
import org.pbxlicensing.domain.failure.Failure;
import org.pbxlicensing.domain.failure.FieldError;
import org.pbxlicensing.domain.failure.LicensingException;
import org.pbxlicensing.domain.registration.RegistrationFormRules;
import org.pbxlicensing.infrastructure.retry.RetryOnConflict;
import org.pbxlicensing.service.catalog.FeatureCatalog;
import org.pbxlicensing.service.store.StoreAuthentication;
import org.pbxlicensing.service.store.StoreOrderService;
import org.pbxlicensing.web.api.json.JsonRequest;
import org.pbxlicensing.web.request.ClientRequest;

/** {@code POST /api/v1/store/orders}: the online store mints the coupons of a paid order. */
@Path("v1/store/orders")
@ApplicationScoped
@RetryOnConflict
public class StoreOrderResource {

    static final int MAX_ITEMS = 100;
    private static final Pattern ORDER_ID = Pattern.compile("^[\\x21-\\x7E]{1,100}$");

    @Inject
    StoreAuthentication authentication;

    @Inject
    StoreOrderService orders;

    @Inject
    FeatureCatalog catalog;

    @Inject
    ClientRequest client;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response place(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, byte[] body) {
        if (!authentication.admits(authorization, client.address())) {
            throw new LicensingException(Failure.UNAUTHORIZED);
        }
        var order = readOrder(JsonRequest.parse(body));
        var coupons = orders.place(order, new Actor(ActorType.STORE, "store", client.address()));
        var answer = new OrderAnswer(order.orderId(), coupons.stream()
                .map(c -> new CouponView(c.code().value(), c.feature(), c.seats(), c.termMonths()))
                .toList());
        return Response.status(201).type(MediaType.APPLICATION_JSON).entity(answer).build();
    }

    private StoreOrderService.Order readOrder(JsonRequest json) {
        String orderId = json.requiredString("orderId");
        if (orderId != null && !ORDER_ID.matcher(orderId).matches()) {
            json.addError("orderId", FieldError.INVALID_FORMAT);
        }
        String email = json.string("email");
        if (email != null && !RegistrationFormRules.isValidEmail(email)) {
            json.addError("email", FieldError.INVALID_FORMAT);
        }
        List<CouponTerms> items = new ArrayList<>();
        List<JsonRequest> itemsJson = json.objects("items", MAX_ITEMS);
        if (itemsJson == null || itemsJson.isEmpty()) {
            if (!json.errors().stream().anyMatch(e -> e.field().startsWith("items"))) {
                json.addError("items", FieldError.REQUIRED);
            }
        } else {
            for (JsonRequest item : itemsJson) {
                Integer feature = item.integer("feature");
                Integer seats = item.integer("seats");
                Integer termMonths = item.integer("termMonths");
                if (feature == null) {
                    item.addError("feature", FieldError.REQUIRED);
                } else if (catalog.find(feature).isEmpty()) {
                    item.addError("feature", FieldError.UNKNOWN_FEATURE);
                }
                CouponTerms.violations(seats, termMonths, "")
                        .forEach(error -> item.addError(error.field(), error.code()));
                if (feature != null && seats != null) {
                    items.add(new CouponTerms(feature, seats, termMonths));
                }
            }
        }
        json.requireValid();
        return new StoreOrderService.Order(orderId, email, items);
    }

    public record OrderAnswer(String orderId, List<CouponView> coupons) {
    }

    public record CouponView(String code, int feature, int seats, Integer termMonths) {
    }
}
