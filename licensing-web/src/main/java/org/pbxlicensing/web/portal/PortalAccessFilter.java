package org.pbxlicensing.web.portal;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** The customer's pages need a logged-in customer; anyone else goes to the login page. */
@WebFilter("/portal/*")
public class PortalAccessFilter extends HttpFilter {

    @Inject
    CustomerSession customer;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (customer.isLoggedIn()) {
            response.setHeader("Cache-Control", "no-store");
            chain.doFilter(request, response);
        } else {
            response.sendRedirect(request.getContextPath() + "/login.xhtml");
        }
    }
}
