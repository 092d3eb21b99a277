package org.pbxlicensing.it.support;

import static org.pbxlicensing.it.support.ServerUnderTest.api;

import io.restassured.response.Response;
import java.util.List;
import java.util.Map;

/** The online store: places paid orders and receives their coupons. */
public final class Store {

    public static final String API_KEY = System.getProperty("it.store.api.key", "store-key-for-system-tests");

    private Store() {
    }

    public static Response order(String orderId, List<Map<String, Object>> items) {
        return api().header("Authorization", "Bearer " + API_KEY)
                .body(Map.of("orderId", orderId, "email", "shop@example.com", "items", items))
                .post("/store/orders");
    }

    /** Buys one perpetual coupon of the feature and answers its code. */
    public static String coupon(int feature, int seats) {
        return order("order-" + TestData.unique(), List.of(Map.of("feature", feature, "seats", seats)))
                .then().statusCode(201).extract().path("coupons[0].code");
    }

    public static Response activate(String coupon, String registrationNumber) {
        return api().body(Map.of("registrationNumber", registrationNumber, "coupon", coupon))
                .post("/coupon-activations");
    }
}
