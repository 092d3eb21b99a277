package org.pbxlicensing.web.portal;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.pbxlicensing.web.faces.ExpiredPage;

/**
 * The customer's pages need a logged-in customer; anyone else goes to the login page. A form posted from
 * a customer's page without a customer comes from a page whose session is gone: the login page then says
 * that the page had expired.
 */
@WebFilter("/portal/*")
public class PortalAccessFilter extends HttpFilter {

    private static final String LOGIN = "/login.xhtml";

    @Inject
    CustomerSession customer;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (customer.isLoggedIn()) {
            response.setHeader("Cache-Control", "no-store");
            chain.doFilter(request, response);
        } else {
            if ("POST".equals(request.getMethod())) {
                ExpiredPage.report(request.getServletPath(), LOGIN);
                response.sendRedirect(request.getContextPath() + ExpiredPage.marked(LOGIN));
            } else {
                response.sendRedirect(request.getContextPath() + LOGIN);
            }
        }
    }
}
