package org.pbxlicensing.domain.registration;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompanyMailboxesTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private static Registration registration(String company, String email) {
        var form = new RegistrationForm(company, "Иван Петров", email, null, null, null, null, null, true);
        return new Registration(RegistrationNumber.generate(RANDOM), form, "ru", NOW);
    }

    @Test
    void theMailboxOpensItsOwnRegistrations() {
        var own = registration("ООО Ромашка", "Ivan@Romashka.ru");
        assertTrue(CompanyMailboxes.of("ivan@romashka.ru", List.of(own)).opens(own));
    }

    @Test
    void aColleagueAtTheCompanysDomainWithTheSameCompanyIsOpenedWhateverTheSpelling() {
        var own = registration("ООО «Ромашка»", "ivan@romashka.ru");
        var colleagues = registration(" ооо ромашка ", "olga@romashka.ru");
        assertTrue(CompanyMailboxes.of("ivan@romashka.ru", List.of(own)).opens(colleagues));
    }

    @Test
    void aStrangerWhoTypedTheCompanysNameElsewhereOpensNothingOfIt() {
        var strangers = registration("ООО Ромашка", "thief@evil.example");
        var victims = registration("ООО Ромашка", "ivan@romashka.ru");
        assertFalse(CompanyMailboxes.of("thief@evil.example", List.of(strangers)).opens(victims));
    }

    @Test
    void atAPublicMailServiceOnlyTheEmailsOwnRegistrationsCount() {
        var strangers = registration("ООО Ромашка", "thief@mail.ru");
        var victims = registration("ООО Ромашка", "ivan@mail.ru");
        assertFalse(CompanyMailboxes.of("thief@mail.ru", List.of(strangers)).opens(victims));
    }

    @Test
    void anotherCompanyAtTheSameDomainIsNotOpened() {
        var own = registration("ООО Ромашка", "ivan@holding.example");
        var sisterCompanys = registration("ООО Василёк", "olga@holding.example");
        assertFalse(CompanyMailboxes.of("ivan@holding.example", List.of(own)).opens(sisterCompanys));
    }

    @Test
    void anEmailWithoutRegistrationsOpensNoOneElses() {
        var other = registration("ООО Ромашка", "olga@romashka.ru");
        assertFalse(CompanyMailboxes.of("ivan@romashka.ru", List.of()).opens(other));
    }
}
