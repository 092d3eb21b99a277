package org.pbxlicensing.web.error;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.pbxlicensing.infrastructure.config.LicensingSettings;

/**
 * For system tests only: a page that fails, so that a test sees what a visitor sees when the server fails
 * (the error page in their language, with its incident id). Where clock control is off (every production
 * server) this path does not exist: it answers 404 like any unknown path.
 */
@WebServlet("/test/failing-page")
public class FailingPageServlet extends HttpServlet {

    @Inject
    LicensingSettings settings;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!settings.clockControl()) {
            response.sendError(404);
            return;
        }
        throw new IllegalStateException("This page fails on purpose, for a system test of the error page");
    }
}
