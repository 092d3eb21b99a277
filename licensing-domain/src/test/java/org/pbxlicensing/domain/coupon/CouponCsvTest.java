package org.pbxlicensing.domain.coupon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringWriter;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CouponCsvTest {

    @Test
    void oneLinePerCouponAfterTheHeader() {
        var now = Instant.parse("2026-11-27T10:00:00Z");
        var terms = new CouponTerms(33, 2, 12);
        var batch = CouponBatch.staffBatch(terms, 1, "note", "admin", now);
        var code = CouponCode.generate(new SecureRandom());
        var out = new StringWriter();

        new CouponCsv(out).add(new Coupon(code, batch, 0, terms, now));

        List<String> lines = out.toString().lines().toList();
        assertEquals(CouponCsv.HEADER, lines.get(0));
        assertEquals(code.value() + ",33,2,12,ISSUED," + batch.reference() + ",2026-11-27T10:00:00Z,", lines.get(1));
    }

    @Test
    void seatsAndTermsHaveLimits() {
        assertEquals(List.of(), CouponTerms.violations(1, null, ""));
        assertEquals(1, CouponTerms.violations(0, null, "").size());
        assertEquals(1, CouponTerms.violations(10_001, null, "").size());
        assertEquals(1, CouponTerms.violations(1, 0, "").size());
        assertEquals("items[0].seats", CouponTerms.violations(null, null, "items[0].").get(0).field());
    }
}
