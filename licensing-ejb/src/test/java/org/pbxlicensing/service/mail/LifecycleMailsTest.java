package org.pbxlicensing.service.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pbxlicensing.domain.audit.ActorType;
import org.pbxlicensing.domain.binding.HostBinding;
import org.pbxlicensing.domain.binding.HostDetails;
import org.pbxlicensing.domain.catalog.CountingMode;
import org.pbxlicensing.domain.catalog.Feature;
import org.pbxlicensing.domain.license.License;
import org.pbxlicensing.domain.license.LicenseSource;
import org.pbxlicensing.domain.mail.OutboxMail;
import org.pbxlicensing.domain.registration.Registration;
import org.pbxlicensing.domain.registration.RegistrationForm;
import org.pbxlicensing.domain.registration.RegistrationNumber;

class LifecycleMailsTest {

    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
    private static final String PORTAL = "https://licensing.example.com/licensing/login.xhtml";
    private static final Feature PBX = new Feature(33, "Askozia PBX", CountingMode.PER_HOST, 30, 1);

    private static Registration registration(String language) {
        var form = new RegistrationForm("ООО Ромашка", "Иван Петров", "ivan@example.com", null, null, null, null, null,
                true);
        return new Registration(RegistrationNumber.generate(new SecureRandom()), form, language, NOW);
    }

    @Test
    void theReminderTellsTheEndTheWayToBuyAndThePortalInRussian() {
        var registration = registration("ru");
        var trial = License.trial(registration, PBX, LicenseSource.REGISTRATION, NOW);
        var mail = MailComposer.compose(new ClaimedMail(OutboxMail.licenseExpiring(registration, trial, NOW),
                List.of(registration), null, trial, null), PORTAL).orElseThrow();

        assertEquals("Скоро закончится лицензия на «Askozia PBX»", mail.subject());
        assertTrue(mail.body().contains("Срок действия пробной лицензии на «Askozia PBX» (регистрационный номер "
                + registration.number().value() + ") заканчивается 27 декабря 2026 г."), mail.body());
        assertTrue(mail.body().contains("«Активировать купон»"), mail.body());
        assertTrue(mail.body().contains("    " + PORTAL + "\n"), mail.body());
    }

    @Test
    void theEndNoticeIsInEnglishForAnEnglishRegistration() {
        var registration = registration("en");
        var trial = License.trial(registration, PBX, LicenseSource.REGISTRATION, NOW);
        var mail = MailComposer.compose(new ClaimedMail(OutboxMail.licenseExpired(registration, trial, NOW),
                List.of(registration), null, trial, null), PORTAL).orElseThrow();

        assertEquals("Your license for \"Askozia PBX\" has ended", mail.subject());
        assertTrue(mail.body().contains("The trial license for \"Askozia PBX\" of registration "
                + registration.number().value() + " ended on December 27, 2026."), mail.body());
        assertTrue(mail.body().contains("\"Activate a coupon\""), mail.body());
    }

    @Test
    void theReleaseOfASilentHostNamesTheHostAndItsSilence() {
        var registration = registration("en");
        var trial = License.trial(registration, PBX, LicenseSource.REGISTRATION, NOW);
        var binding = new HostBinding(trial, new HostDetails("host-1", "pbx-office", "Linux", "2024.1"), null, NOW);
        binding.release(ActorType.SYSTEM, "host silent for 7 days", NOW.plus(Duration.ofDays(8)));
        var mail = MailComposer.compose(new ClaimedMail(OutboxMail.silentHostReleased(registration, binding, NOW),
                List.of(registration), null, null, binding), PORTAL).orElseThrow();

        assertEquals("A seat of \"Askozia PBX\" was freed", mail.subject());
        assertTrue(mail.body().contains("The host pbx-office (host-1) had not contacted the licensing server since"
                + " November 27, 2026 (8 days of silence), so its seat of \"Askozia PBX\""), mail.body());
        assertTrue(mail.body().contains("does not count against your resets"), mail.body());
    }
}
