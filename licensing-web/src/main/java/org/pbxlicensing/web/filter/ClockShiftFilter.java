package org.pbxlicensing.web.filter;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import org.pbxlicensing.infrastructure.config.LicensingSettings;
import org.pbxlicensing.infrastructure.time.ServerClock;

/**
 * For tests of time-dependent rules only, and only when {@code licensing.test.clock-control} is
 * on: a request with {@code X-Clock-Shift: P31D} sees the server's time 31 days ahead.
 */
@WebFilter("/*")
public class ClockShiftFilter extends HttpFilter {

    public static final String HEADER = "X-Clock-Shift";

    @Inject
    LicensingSettings settings;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String shift = request.getHeader(HEADER);
        if (shift == null || !settings.clockControl()) {
            chain.doFilter(request, response);
            return;
        }
        try {
            ServerClock.shiftCurrentRequest(Duration.parse(shift));
        } catch (DateTimeParseException e) {
            response.sendError(400, "X-Clock-Shift is an ISO-8601 duration");
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            ServerClock.endShift();
        }
    }
}
