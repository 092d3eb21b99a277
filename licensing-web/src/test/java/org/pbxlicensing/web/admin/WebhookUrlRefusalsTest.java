package org.pbxlicensing.web.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.pbxlicensing.domain.webhook.EndpointAddresses;

/** Every reason the server gives for refusing a webhook URL reads in Russian on Russian pages. */
class WebhookUrlRefusalsTest {

    private static final Locale RU = Locale.forLanguageTag("ru");

    @Test
    void eachReasonOfTheUrlsFormReadsInRussian() {
        for (String url : List.of("ftp://crm.example.com/", "https://user:pw@crm.example.com/", "not a url", "https:///x",
                "http://[bad")) {
            String reason = EndpointAddresses.urlProblem(url).orElseThrow(() -> new AssertionError(url));
            String russian = WebhookUrlRefusals.inWords(reason, RU);
            assertNotEquals(reason, russian);
            assertTrue(russian.chars().anyMatch(c -> Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CYRILLIC),
                    reason + " -> " + russian);
        }
    }

    @Test
    void theHostsAndAddressesItNamesStay() {
        assertEquals("хост crm.example.invalid не находится в DNS",
                WebhookUrlRefusals.inWords("the host crm.example.invalid does not resolve", RU));
        assertEquals("crm.local указывает на 10.0.0.5: это адрес loopback, link-local или частной сети"
                        + " (LICENSING_WEBHOOK_ALLOW_PRIVATE не равна true)",
                WebhookUrlRefusals.inWords("crm.local resolves to 10.0.0.5, a loopback, link-local or private address"
                        + " (LICENSING_WEBHOOK_ALLOW_PRIVATE is not true)", RU));
        assertEquals("only http and https URLs", WebhookUrlRefusals.inWords("only http and https URLs", Locale.ENGLISH));
        assertEquals("something new", WebhookUrlRefusals.inWords("something new", RU));
    }
}
