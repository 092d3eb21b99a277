package org.pbxlicensing.it.licensev2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pbxlicensing.domain.audit.Actor;
import org.pbxlicensing.domain.audit.ActorType;
import org.pbxlicensing.domain.failure.LicensingException;
import org.pbxlicensing.domain.registration.RegistrationForm;
import org.pbxlicensing.it.incontainer.InsideTheServer;
import org.pbxlicensing.service.certificate.SigningKeyRing;
import org.pbxlicensing.service.licensev2.EntitlementAnswer;
import org.pbxlicensing.service.licensev2.EntitlementService;
import org.pbxlicensing.service.licensev2.HolderDrops;
import org.pbxlicensing.service.registration.RegistrationService;

/** The portal's and admin's LicenseV2 actions, called inside the server as those areas will call them. */
@ExtendWith(ArquillianExtension.class)
class EntitlementInsideIT {

    private static final Actor STAFF = new Actor(ActorType.ADMIN, "admin", "127.0.0.1");
    private static final List<String> HARDWARE = List.of("1111111111111111", "2222222222222222",
            "3333333333333333", "4444444444444444");

    @Deployment
    static WebArchive probe() {
        return InsideTheServer.probe("licensev2-probe", EntitlementInsideIT.class, MikoPbx.class,
                MikoPbx.SignedRequest.class, ServerToken.class);
    }

    @Test
    void anOfflineRequestFileGetsAFingerprintBoundTokenAndTheSameNonceTheSameToken() {
        var pbx = new MikoPbx(register(), HARDWARE);
        var file = pbx.offlineRequest();
        var entitlements = InsideTheServer.bean(EntitlementService.class);

        EntitlementAnswer answer = entitlements.answerOffline(file.body(), STAFF);
        ServerToken token = accept(pbx, file, answer);

        assertEquals(3, token.fingerprint().getInt("k"));
        assertEquals(HARDWARE, token.fingerprint().getJsonArray("h").getValuesAs(jakarta.json.JsonString.class)
                .stream().map(jakarta.json.JsonString::getString).toList());
        assertEquals(List.of("33"), List.copyOf(token.features().keySet()));
        assertTrue(token.exp() >= token.iat() + Duration.ofDays(30).toSeconds(), "longer than an online token");
        assertFalse(token.payload().containsKey("poll"));

        assertEquals(answer, entitlements.answerOffline(file.body(), STAFF), "the same file again");
        assertEquals(answer, entitlements.answerOffline(pbx.offlineRequest(file.nonce()).body(), STAFF),
                "the same nonce in a file written again");
        assertNotEquals(answer, entitlements.answerOffline(pbx.offlineRequest().body(), STAFF), "a new nonce");
    }

    @Test
    void fewerThanThreeHashesBindNoFingerprint() {
        var pbx = new MikoPbx(register(), HARDWARE.subList(0, 2));
        var file = pbx.offlineRequest();
        var token = accept(pbx, file, InsideTheServer.bean(EntitlementService.class).answerOffline(file.body(), STAFF));
        assertFalse(token.payload().containsKey("fingerprint"));
        assertEquals(List.of("33"), List.copyOf(token.features().keySet()));
    }

    @Test
    void aLivePollIsNotAnOfflineRequestFile() {
        var pbx = new MikoPbx(register());
        var entitlements = InsideTheServer.bean(EntitlementService.class);
        assertThrows(LicensingException.class, () -> entitlements.answerOffline(pbx.poll().body(), STAFF));
    }

    @Test
    void aHolderDroppedByStaffGoesIntoTheNextAnswerOnce() {
        var registration = receipt();
        var pbx = new MikoPbx(registration.number().value());
        var entitlements = InsideTheServer.bean(EntitlementService.class);
        var holders = Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("ref", "aaaaaaaaaaaaaaaa").add("features", Json.createArrayBuilder()))
                .add(Json.createObjectBuilder().add("ref", "bbbbbbbbbbbbbbbb").add("features", Json.createArrayBuilder()));
        var first = pbx.poll(request -> request.add("holders", holders));
        assertTrue(accept(pbx, first, entitlements.answer(first.body(), Actor.api("127.0.0.1"))).drop().isEmpty());

        InsideTheServer.bean(HolderDrops.class).drop(registration.registrationId(), pbx.installId(), "bbbbbbbbbbbbbbbb", STAFF, "the PBX was replaced");

        var next = pbx.poll();
        assertEquals(List.of("bbbbbbbbbbbbbbbb"),
                accept(pbx, next, entitlements.answer(next.body(), Actor.api("127.0.0.1"))).drop());
        var after = pbx.poll();
        assertTrue(accept(pbx, after, entitlements.answer(after.body(), Actor.api("127.0.0.1"))).drop().isEmpty());
    }

    private static ServerToken accept(MikoPbx pbx, MikoPbx.SignedRequest request, EntitlementAnswer answer) {
        assertEquals(200, answer.status(), answer.body());
        String wire = ServerToken.parse(answer.body()).getString("token");
        var keys = InsideTheServer.bean(SigningKeyRing.class);
        return ServerToken.accept(wire, kid -> kid.equals(keys.current().kid()) ? publicKey(keys) : null, pbx, request,
                Instant.now());
    }

    private static PublicKey publicKey(SigningKeyRing keys) {
        return keys.current().keyPair().getPublic();
    }

    private static String register() {
        return receipt().number().value();
    }

    private static RegistrationService.Receipt receipt() {
        String id = Long.toHexString(System.nanoTime());
        return InsideTheServer.bean(RegistrationService.class).register(new RegistrationForm("Probe " + id, "Probe",
                "probe-" + id + "@example.com", null, null, null, null, 33, true), "ru", STAFF);
    }
}
