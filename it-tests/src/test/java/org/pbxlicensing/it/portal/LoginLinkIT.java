package org.pbxlicensing.it.portal;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pbxlicensing.it.support.ServerUnderTest.api;

import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pbxlicensing.it.mail.Mails;
import org.pbxlicensing.it.support.BrowserTest;
import org.pbxlicensing.it.support.Database;
import org.pbxlicensing.it.support.FacesClient;
import org.pbxlicensing.it.support.MailServer;
import org.pbxlicensing.it.support.Race;
import org.pbxlicensing.it.support.ServerUnderTest;
import org.pbxlicensing.it.support.SystemTest;
import org.pbxlicensing.it.support.TestData;

/**
 * Logging in to the portal by a link mailed to the registration's email: the link lists the company's
 * registrations and switches between them; it works once, for 15 minutes (the server's clock is moved
 * per request rather than waited for); an unknown email gets the same page and no mail.
 */
@SystemTest
class LoginLinkIT extends BrowserTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Pattern LINK = Pattern.compile("(http\\S+/login-link-open\\.xhtml\\?token=[A-Za-z0-9_-]{43})");
    private static final String OPEN_PAGE = "/login-link-open.xhtml";

    private record Company(String email, String company, List<String> numbers) {
    }

    /** Two registrations of one email and company, each with its welcome mail received. */
    private static Company companyWithTwoRegistrations(String language) {
        var form = TestData.registrationForm();
        String email = (String) form.get("email");
        String first = register(form, language);
        String second = register(form, language);
        MailServer.awaitMailsTo(email, 2, PATIENCE);
        return new Company(email, (String) form.get("company"), List.of(first, second));
    }

    private static String register(Map<String, Object> form, String language) {
        return api().header("Accept-Language", language).body(form).post("/registrations").then().statusCode(201)
                .extract().path("registrationNumber");
    }

    /** Asks for a link as a visitor without a browser would, and answers the page's message. */
    private static String askForLink(FacesClient client, String email) {
        var answer = client.submit("/login-link.xhtml", "loginLink", Map.of("loginLink:email", email),
                "loginLink:submit");
        assertEquals(200, answer.statusCode(), answer.body());
        return messages(answer.body());
    }

    private static String messages(String page) {
        Matcher summary = Pattern.compile("ui-messages-\\w+-summary\">([^<]*)<").matcher(page);
        StringBuilder texts = new StringBuilder();
        while (summary.find()) {
            texts.append(summary.group(1)).append('\n');
        }
        return texts.toString();
    }

    /** The link of the login-link mail that is the {@code count}-th mail to the email. */
    private static String linkOfMail(String email, int count) {
        MimeMessage mail = MailServer.awaitMailsTo(email, count, PATIENCE).get(count - 1);
        Matcher link = LINK.matcher(Mails.text(mail));
        assertTrue(link.find(), Mails.text(mail));
        return link.group(1);
    }

    private static String path(String link) {
        assertTrue(link.startsWith(ServerUnderTest.BASE_URL), link);
        return link.substring(ServerUnderTest.BASE_URL.length());
    }

    /** Opens the link: the page takes the token out of the address; answers the page without it. */
    private static HttpResponse<String> open(FacesClient client, String link) {
        var withToken = client.get(path(link));
        assertEquals(302, withToken.statusCode(), "the token leaves the address at once");
        String location = withToken.headers().firstValue("Location").orElseThrow();
        assertThat(location, containsString(OPEN_PAGE));
        assertThat(location, not(containsString("token")));
        return client.follow(withToken);
    }

    private static HttpResponse<String> logIn(FacesClient client) {
        return client.post(OPEN_PAGE, Map.of("open", "open", "open:logIn", ""));
    }

    private static boolean loggedIn(HttpResponse<String> answer) {
        return answer.statusCode() == 302
                && answer.headers().firstValue("Location").orElse("").contains("/portal/registrations.xhtml");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ru", "en"})
    void theLinkListsTheCompanysRegistrationsAndSwitchesBetweenThem(String language) {
        Company company = companyWithTwoRegistrations(language);
        var colleague = TestData.registrationForm();
        colleague.put("company", company.company());
        String colleagues = register(colleague, language);
        var neighbour = TestData.registrationForm();
        String neighbours = register(neighbour, language);

        browser.go("/login.xhtml");
        browser.click("nav:" + language);
        browser.click("login:toLoginLink");
        browser.find("loginLink:email");
        browser.screenshot("login-link-request-" + language);
        browser.type("loginLink:email", company.email());
        browser.click("loginLink:submit");
        browser.find("messages");
        browser.screenshot("login-link-sent-" + language);

        String link = linkOfMail(company.email(), 3);
        browser.go(path(link));
        browser.find("open:logIn");
        assertThat("the address holds no token", browser.url(), not(containsString("token")));
        browser.screenshot("login-link-open-" + language);
        browser.click("open:logIn");

        browser.find("chooser:registrations");
        String chooser = browser.pageText();
        assertThat(chooser, containsString(company.numbers().get(0)));
        assertThat(chooser, containsString(company.numbers().get(1)));
        assertThat("a colleague at the company's domain", chooser, containsString(colleagues));
        assertThat("another company at the same domain", chooser, not(containsString(neighbours)));
        browser.screenshot("registration-chooser-" + language);

        browser.click("chooser:registrations:1:open");
        browser.waitForTextOf("number", company.numbers().get(1));
        browser.click("nav:registrations");
        browser.click("chooser:registrations:0:open");
        browser.waitForTextOf("number", company.numbers().get(0));
        browser.click("nav:registrations");
        browser.click("chooser:registrations:2:open");
        browser.waitForTextOf("number", colleagues);
    }

    /**
     * In Chromium, in a browser where nobody chose a language: the link's page speaks the language of its mail
     * (the registration's), logs in once, and then refuses the link; a newer link opened more than 15 minutes
     * after it was sent is refused as expired. The refusals offer a new link, never the button.
     */
    @ParameterizedTest
    @ValueSource(strings = {"ru", "en"})
    void inTheBrowserALinkUsedTwiceOrAfterFifteenMinutesIsRefusedInTheMailsLanguage(String language) {
        boolean ru = "ru".equals(language);
        Company company = companyWithTwoRegistrations(language);
        askForLink(new FacesClient(), company.email());
        String link = linkOfMail(company.email(), 3);
        browser.fromAnAddressOfItsOwn();

        browser.go(path(link));
        browser.find("open:logIn");
        assertThat(browser.pageText(), containsString(ru ? "Эта ссылка один раз открывает личный кабинет"
                : "This link logs you in to the customer portal once"));
        assertEquals(language, browser.driver().findElement(org.openqa.selenium.By.tagName("html")).getAttribute("lang"));
        browser.click("open:logIn");
        browser.find("chooser:registrations");
        assertThat(browser.pageText(), containsString(ru ? "Регистрации вашей компании" : "Your company's registrations"));

        browser.go(path(link));
        assertEquals(ru ? "Эта ссылка для входа уже использована: каждая ссылка действует один раз. Запросите новую."
                : "This login link has been used already: each link logs in once. Ask for a new one.",
                browser.text("open:refusal"));
        assertTrue(browser.driver().findElements(org.openqa.selenium.By.id("open:logIn")).isEmpty());
        browser.find("open:again");
        browser.screenshot("login-link-used-" + language);

        askForLink(new FacesClient(), company.email());
        String later = linkOfMail(company.email(), 4);
        browser.withClockShift("PT15M1S");
        browser.go(path(later));
        assertEquals(ru ? "Срок действия ссылки для входа истёк: ссылка действует 15 минут. Запросите новую."
                : "This login link has expired: a link works for 15 minutes. Ask for a new one.",
                browser.text("open:refusal"));
        assertTrue(browser.driver().findElements(org.openqa.selenium.By.id("open:logIn")).isEmpty());
        browser.screenshot("login-link-expired-" + language);
    }

    @Test
    void aLinkLogsInOnceAndIsRefusedTheSecondTime() {
        Company company = companyWithTwoRegistrations("ru");
        askForLink(new FacesClient(), company.email());
        String link = linkOfMail(company.email(), 3);

        var first = new FacesClient();
        open(first, link);
        assertTrue(loggedIn(logIn(first)));
        String chooser = first.follow(first.get("/portal/registrations.xhtml")).body();
        assertThat(chooser, containsString(company.numbers().get(0)));
        assertThat(chooser, containsString(company.numbers().get(1)));

        var second = new FacesClient();
        String refused = open(second, link).body();
        assertThat(refused, containsString("уже использована"));
        assertThat(refused, not(containsString("open:logIn")));
        assertThat(open(first, link).body(), containsString("уже использована"));
    }

    @Test
    void aLinkOlderThanFifteenMinutesIsRefused() {
        Company company = companyWithTwoRegistrations("ru");
        askForLink(new FacesClient(), company.email());
        String link = linkOfMail(company.email(), 3);

        var late = new FacesClient();
        late.shiftClock("PT15M1S");
        String page = open(late, link).body();
        assertThat(page, containsString("Срок действия ссылки для входа истёк"));
        assertThat(page, not(containsString("open:logIn")));
        assertFalse(loggedIn(logIn(late)), "the button of a refused link logs nobody in");

        var inTime = new FacesClient();
        inTime.shiftClock("PT14M");
        open(inTime, link);
        assertTrue(loggedIn(logIn(inTime)), "fourteen minutes on, the link still logs in");
    }

    @Test
    void anUnknownEmailGetsTheSamePageAndNoMail() {
        Company company = companyWithTwoRegistrations("ru");
        String unknown = "nobody-" + TestData.unique() + "@example.com";

        String forKnown = askForLink(new FacesClient(), company.email());
        String forUnknown = askForLink(new FacesClient(), unknown);

        assertThat(forKnown, containsString("ссылка для входа уже отправлена"));
        assertEquals(forKnown, forUnknown);
        linkOfMail(company.email(), 3);
        assertEquals(1, Database.count("SELECT COUNT(*) FROM login_link WHERE email = ?", unknown),
                "the unknown email's request did the same work");
        assertEquals(0, MailServer.mailsTo(unknown).size());
    }

    @Test
    void oneEmailGetsAtMostThreeLinksAnHourLikeReminders() {
        Company company = companyWithTwoRegistrations("ru");
        for (int i = 0; i < 3; i++) {
            askForLink(new FacesClient(), company.email());
        }

        var refused = new FacesClient().submit("/login-link.xhtml", "loginLink",
                Map.of("loginLink:email", company.email()), "loginLink:submit");

        assertEquals(429, refused.statusCode());
        assertThat(messages(refused.body()), containsString("Слишком много"));
        assertEquals(3, Database.count("SELECT COUNT(*) FROM login_link WHERE email = ?", company.email()));
        MailServer.awaitMailsTo(company.email(), 5, PATIENCE);
    }

    @Test
    void twoUsesOfOneLinkAtOnceLogInOnce() {
        Company company = companyWithTwoRegistrations("ru");
        askForLink(new FacesClient(), company.email());
        String link = linkOfMail(company.email(), 3);
        var clients = List.of(new FacesClient(), new FacesClient(), new FacesClient(), new FacesClient());
        clients.forEach(client -> open(client, link));

        List<Boolean> loggedIn = Race.run(clients.size(), i -> loggedIn(logIn(clients.get(i))));

        assertEquals(1, loggedIn.stream().filter(Boolean::booleanValue).count(), loggedIn.toString());
    }

    @Test
    void theTokenIsKeptOnlyAsADigest() {
        Company company = companyWithTwoRegistrations("ru");
        askForLink(new FacesClient(), company.email());
        String token = linkOfMail(company.email(), 3).replaceAll(".*token=", "");

        assertEquals(0, Database.count("SELECT COUNT(*) FROM login_link WHERE token_digest = ?", token));
        assertEquals(1, Database.count("SELECT COUNT(*) FROM login_link WHERE token_digest = SHA2(?, 256)", token));
    }

    @Test
    void aMangledLinkGetsAClearPage() {
        var client = new FacesClient();
        var answer = client.follow(client.get(OPEN_PAGE + "?token=%3Cscript%3E"));
        assertEquals(200, answer.statusCode());
        assertThat(answer.body(), containsString("Ссылка для входа недействительна"));
        assertThat(answer.body(), not(containsString("<script>")));
    }

    @Test
    void theLinkMailIsHtmlWithAPlainTextPartInTheRegistrationsLanguage() {
        Company company = companyWithTwoRegistrations("en");
        askForLink(new FacesClient(), company.email());
        String link = linkOfMail(company.email(), 3);
        MimeMessage mail = MailServer.mailsTo(company.email()).get(2);

        assertThat(Mails.contentType(mail), containsString("multipart/alternative"));
        assertEquals("Your link to the customer portal", Mails.subject(mail));
        assertThat(Mails.text(mail), containsString("the 2 registrations of your company"));
        assertThat(Mails.html(mail), containsString("<html lang=\"en\">"));
        assertThat(Mails.html(mail), containsString("<a href=\"" + link + "\""));
    }
}
