package org.pbxlicensing.web.error;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.ResourceBundle;
import org.pbxlicensing.web.portal.Language;

/**
 * What a browser shows for a 4xx of a page (a form the server could not read, a page that does not exist): a few
 * words in the visitor's language and a link to the start page. The language is the one the pages keep in their
 * cookie, Russian unless the visitor chose English, as on the pages; the session that holds it may be gone. No
 * script, so the pages' policy holds as it is.
 */
final class ClientErrorPage {

    private static final String TEXTS = "org.pbxlicensing.web.error.errorpages";

    private ClientErrorPage() {
    }

    static void write(int status, HttpServletRequest request, HttpServletResponse response) throws IOException {
        Locale language = language(request);
        ResourceBundle texts = ResourceBundle.getBundle(TEXTS, language, ClientErrorPage.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        String kind = texts.containsKey(status + ".title") ? String.valueOf(status) : "other";
        String title = texts.getString(kind + ".title");
        response.setContentType("text/html");
        response.getWriter().write("<!DOCTYPE html><html lang=\"" + language.getLanguage() + "\"><head>"
                + "<meta charset=\"utf-8\"><title>" + title + "</title></head><body><h1>" + title + "</h1><p>"
                + texts.getString(kind + ".text") + "</p><p><a href=\"" + request.getContextPath() + "/\">"
                + texts.getString("back") + "</a></p></body></html>");
    }

    private static Locale language(HttpServletRequest request) {
        for (Cookie cookie : cookies(request)) {
            if (Language.COOKIE.equals(cookie.getName()) && "en".equals(cookie.getValue())) {
                return Locale.ENGLISH;
            }
        }
        return Locale.forLanguageTag("ru");
    }

    /** None when the Cookie header is what could not be read. */
    private static Cookie[] cookies(HttpServletRequest request) {
        try {
            Cookie[] cookies = request.getCookies();
            return cookies == null ? new Cookie[0] : cookies;
        } catch (RuntimeException malformedHeader) {
            return new Cookie[0];
        }
    }
}
