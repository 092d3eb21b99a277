package org.pbxlicensing.web.admin;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.pbxlicensing.domain.coupon.CouponState;
import org.pbxlicensing.domain.staff.StaffRole;
import org.pbxlicensing.service.admin.CouponAdmin;

/** Downloads the coupons of a filter as CSV; unused codes are worth money, so support and admins only. */
@WebServlet("/admin/coupons.csv")
@ServletSecurity(@HttpConstraint(rolesAllowed = StaffRole.SUPPORT_NAME))
public class CouponCsvServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient CouponAdmin coupons;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        CouponState state;
        Long batch;
        try {
            String stateParameter = request.getParameter("state");
            String batchParameter = request.getParameter("batch");
            state = stateParameter == null || stateParameter.isBlank() ? null : CouponState.valueOf(stateParameter);
            batch = batchParameter == null || batchParameter.isBlank() ? null : Long.valueOf(batchParameter);
        } catch (IllegalArgumentException e) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Content-Disposition",
                "attachment; filename=\"coupons" + (batch == null ? "" : "-" + batch) + ".csv\"");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        coupons.exportCsv(state, batch, out);
        out.flush();
    }
}
