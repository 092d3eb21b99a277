package org.pbxlicensing.web.filter;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * A page's answer on which a Content-Security-Policy added later replaces the one set before: PrimeFaces
 * adds its policy with the page's script nonce, and two policies would both be enforced.
 */
final class OnePolicyResponse extends HttpServletResponseWrapper {

    static final String CSP = "Content-Security-Policy";

    OnePolicyResponse(HttpServletResponse response) {
        super(response);
    }

    @Override
    public void addHeader(String name, String value) {
        if (CSP.equalsIgnoreCase(name)) {
            setHeader(name, value);
        } else {
            super.addHeader(name, value);
        }
    }
}
