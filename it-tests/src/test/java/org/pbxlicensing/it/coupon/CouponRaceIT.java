package org.pbxlicensing.it.coupon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.pbxlicensing.it.support.Database;
import org.pbxlicensing.it.support.Pbx;
import org.pbxlicensing.it.support.Race;
import org.pbxlicensing.it.support.Store;
import org.pbxlicensing.it.support.SystemTest;

@SystemTest
class CouponRaceIT {

    @Test
    void oneCouponRacedByAHundredRegistrationsIsActivatedExactlyOnce() {
        String coupon = Store.coupon(33, 2);
        List<String> registrations = IntStream.range(0, 100).mapToObj(i -> Pbx.register(34)).toList();

        var outcomes = Race.run(100, i -> Store.activate(coupon, registrations.get(i)).then().extract())
                .stream()
                .map(answer -> answer.statusCode() == 200 ? "activated" : answer.<String>path("code"))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));

        assertEquals(Map.of("activated", 1L, "COUPON_ALREADY_ACTIVATED", 99L), outcomes);
        assertEquals(1, Database.count("""
                SELECT COUNT(*) FROM license WHERE source = 'COUPON'
                AND source_ref = (SELECT CONCAT('coupon ', id) FROM coupon WHERE code = ?)""", coupon));
    }
}
