package org.pbxlicensing.it.incontainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pbxlicensing.domain.audit.Actor;
import org.pbxlicensing.domain.audit.ActorType;
import org.pbxlicensing.domain.coupon.CouponCode;
import org.pbxlicensing.domain.coupon.CouponCsv;
import org.pbxlicensing.domain.coupon.CouponTerms;
import org.pbxlicensing.domain.registration.RegistrationForm;
import org.pbxlicensing.service.coupon.CouponBatchService;
import org.pbxlicensing.service.coupon.CouponService;
import org.pbxlicensing.service.registration.RegistrationService;

/** Staff-side coupon services, called inside the server as the admin area will call them. */
@ExtendWith(ArquillianExtension.class)
class CouponServiceInsideIT {

    private static final Actor STAFF = new Actor(ActorType.ADMIN, "admin", "127.0.0.1");

    @Deployment
    static WebArchive probe() {
        return InsideTheServer.probe("coupon-services-probe", CouponServiceInsideIT.class);
    }

    @Test
    void aBatchOfTenThousandCouponsIsMintedAndExportedAsValidDistinctCodes() throws Exception {
        var batches = InsideTheServer.bean(CouponBatchService.class);
        long batchId = batches.mint(new CouponTerms(33, 1, null), 10_000, "system test", STAFF);

        long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        while (!batches.progress(batchId).complete() && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertEquals(10_000, batches.progress(batchId).minted());

        var csv = new StringWriter();
        batches.exportCsv(null, batchId, csv);
        List<String> lines = csv.toString().lines().toList();
        assertEquals(CouponCsv.HEADER, lines.get(0));
        assertEquals(10_001, lines.size());
        var codes = new HashSet<String>();
        for (String line : lines.subList(1, lines.size())) {
            String code = line.substring(0, line.indexOf(','));
            assertEquals(code, CouponCode.parse(code).value());
            assertTrue(line.contains(",33,1,,ISSUED,"), line);
            codes.add(code);
        }
        assertEquals(10_000, codes.size());
    }

    @Test
    void anActivatedCouponLeadsToItsRegistrationAndAnIssuedOneDoesNot() {
        var registrations = InsideTheServer.bean(RegistrationService.class);
        var coupons = InsideTheServer.bean(CouponService.class);
        var batches = InsideTheServer.bean(CouponBatchService.class);
        String id = Long.toHexString(System.nanoTime());
        var receipt = registrations.register(new RegistrationForm("Probe " + id, "Probe", "probe-" + id + "@example.com",
                null, null, null, null, 34, true), "ru", STAFF);

        long batchId = batches.record(new CouponTerms(33, 1, null), 2, "login test", STAFF);
        batches.mintRemaining(batchId);
        awaitComplete(batches, batchId);
        var csv = new StringWriter();
        batches.exportCsv(null, batchId, csv);
        List<String> codes = csv.toString().lines().skip(1).map(l -> l.substring(0, l.indexOf(','))).toList();

        coupons.activate(codes.get(0).toLowerCase(), receipt.number().value(), STAFF);

        assertEquals(receipt.trial().registration().id(), coupons.registrationIdOf(codes.get(0)).orElseThrow());
        assertTrue(coupons.registrationIdOf(codes.get(1)).isEmpty(), "an issued coupon logs nobody in");
        assertTrue(coupons.registrationIdOf("MIKOUPD-00000-00000-00000-00000").isEmpty());
    }

    private static void awaitComplete(CouponBatchService batches, long batchId) {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (!batches.progress(batchId).complete() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
    }
}
