package org.pbxlicensing.it.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.pbxlicensing.it.support.BrowserTest;
import org.pbxlicensing.it.support.Poll;
import org.pbxlicensing.it.support.ServerUnderTest;
import org.pbxlicensing.it.support.SystemTest;

/**
 * Another site cannot show our pages in a frame of its own, where it could trick a customer into
 * clicking them (clickjacking): the browser refuses to render the login page there, while the very
 * same lure page does render a frame of a third origin that allows framing.
 */
@SystemTest
class FramingIT extends BrowserTest {

    /** Our server's origin, as the browser names it. */
    private static final String ORIGIN = ServerUnderTest.BASE_URL.replaceFirst("/licensing$", "");

    private HttpServer otherSite;

    @BeforeEach
    void startAnotherSite() throws IOException {
        otherSite = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        int port = otherSite.getAddress().getPort();
        otherSite.createContext("/framable.html", exchange -> answer(exchange,
                "<!DOCTYPE html><html><body><p id=\"framed\">a page that may be framed</p></body></html>"));
        // The control frame's origin (localhost) is neither the lure's (127.0.0.1) nor ours: a cross-origin frame like ours.
        otherSite.createContext("/lure.html", exchange -> answer(exchange, """
                <!DOCTYPE html><html><body>
                <iframe name="control" src="http://localhost:%d/framable.html" width="400" height="150"></iframe>
                <iframe name="ours" src="%s/login.xhtml" width="900" height="500"></iframe>
                </body></html>""".formatted(port, ServerUnderTest.BASE_URL)));
        otherSite.start();
    }

    @AfterEach
    void stopAnotherSite() {
        otherSite.stop(0);
    }

    @Test
    void anotherSiteCannotShowTheLoginPageInAFrame() {
        var driver = browser.driver();
        driver.get("http://127.0.0.1:" + otherSite.getAddress().getPort() + "/lure.html");

        driver.switchTo().frame("control");
        assertEquals("a page that may be framed", browser.text("framed"), "the browser renders a frame that is allowed");
        driver.switchTo().defaultContent();

        List<String> console = new ArrayList<>();
        try {
            Poll.until("the browser's refusal to frame our page", Duration.ofSeconds(15), () -> {
                console.addAll(browser.consoleMessages());
                return console.stream().filter(this::refusalExpected).findFirst().orElse(null);
            });
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; the console said " + console, e);
        }
        driver.switchTo().frame("ours");
        assertTrue(driver.findElements(By.id("login:credential")).isEmpty(), "the login form is rendered in the frame");
        assertTrue(driver.findElements(By.id("login:submit")).isEmpty(), "the login button is rendered in the frame");
        driver.switchTo().defaultContent();
        browser.screenshot("framing-refused");
    }

    /** The browser's refusal to frame a page of ours, which this test provokes. */
    @Override
    protected boolean refusalExpected(String message) {
        return message.contains("'" + ORIGIN + "/'") && message.contains("frame-ancestors 'none'");
    }

    private static void answer(HttpExchange exchange, String html) throws IOException {
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(200, body.length);
        try (var out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
