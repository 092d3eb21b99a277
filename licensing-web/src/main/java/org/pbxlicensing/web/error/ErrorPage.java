package org.pbxlicensing.web.error;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import org.pbxlicensing.web.portal.Language;

/**
 * What a browser shows for a 4xx of a page (a form the server could not read, a page that does not exist) or
 * for a failure of ours: a few words in the visitor's language, in the pages' look, and a link to the start
 * page. The language is the one the pages keep in their cookie, Russian unless the visitor chose English, as
 * on the pages; the session that holds it may be gone. No script, so the pages' policy holds as it is.
 */
final class ErrorPage {

    private static final String TEXTS = "org.pbxlicensing.web.error.errorpages";
    /** The pages' own stylesheet, as Faces serves it. */
    private static final String STYLESHEET = "/jakarta.faces.resource/css/portal.css.xhtml";

    private ErrorPage() {
    }

    static void write(int status, HttpServletRequest request, HttpServletResponse response) throws IOException {
        ResourceBundle texts = texts(request);
        String kind = texts.containsKey(status + ".title") ? String.valueOf(status) : "other";
        write(texts, texts.getString(kind + ".title"), texts.getString(kind + ".text"), request, response);
    }

    /** The page of a failure of ours, with the incident id that support finds in the log. */
    static void writeServerError(String incident, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        ResourceBundle texts = texts(request);
        write(texts, texts.getString("500.title"), MessageFormat.format(texts.getString("500.text"), incident),
                request, response);
    }

    private static ResourceBundle texts(HttpServletRequest request) {
        return ResourceBundle.getBundle(TEXTS, language(request), ErrorPage.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** The pages' bar, stylesheet and width, so that an error looks like the site it happened on. */
    private static void write(ResourceBundle texts, String title, String text, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        String context = request.getContextPath();
        response.setContentType("text/html");
        response.getWriter().write("<!DOCTYPE html><html lang=\"" + texts.getLocale().getLanguage() + "\"><head>"
                + "<meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + title + " · " + texts.getString("site") + "</title>"
                + "<link rel=\"stylesheet\" href=\"" + context + STYLESHEET + "\"></head><body>"
                + "<a href=\"#main\" class=\"skip-link\">" + texts.getString("skip") + "</a>"
                + "<header class=\"topbar\"><a class=\"brand\" href=\"" + context + "/\">" + texts.getString("site")
                + "</a></header><main id=\"main\" tabindex=\"-1\" class=\"content error-page\"><h1>" + title + "</h1><div class=\"card\"><p>" + text
                + "</p><p class=\"back\"><a href=\"" + context + "/\">" + texts.getString("back")
                + "</a></p></div></main></body></html>");
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
