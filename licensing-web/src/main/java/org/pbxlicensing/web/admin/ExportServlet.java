package org.pbxlicensing.web.admin;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.pbxlicensing.domain.staff.StaffRole;
import org.pbxlicensing.service.admin.DataExports;
import org.pbxlicensing.service.admin.ExportKind;

/**
 * Streams an export as CSV ({@code /admin/exports/registrations.csv}, {@code licenses.csv},
 * {@code bindings.csv}): rows are written as they are read, in a chunked body without a length, while
 * {@link ExportProgress} tells the exports page how many are written. Support and admins only;
 * registrations (personal data) for admins only.
 */
@WebServlet("/admin/exports/*")
@ServletSecurity(@HttpConstraint(rolesAllowed = StaffRole.SUPPORT_NAME))
public class ExportServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ExportServlet.class.getName());

    @Inject
    transient DataExports exports;

    @Inject
    transient ExportProgress progress;

    @Inject
    transient Staff staff;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        Optional<ExportKind> found = path == null ? Optional.empty() : ExportKind.ofFileName(path.substring(1));
        if (found.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        ExportKind kind = found.get();
        if (!request.isUserInRole(kind.role().name())) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        String session = request.getSession().getId();
        progress.start(session, kind, exports.count(kind));
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + kind.fileName() + "\"");
        boolean finished = false;
        try {
            Writer out = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
            long rows = exports.write(kind, out, written -> progress.written(session, kind, written));
            out.flush();
            exports.audit(kind, rows, staff.actor());
            finished = true;
        } catch (RuntimeException e) {
            // Mostly a browser that went away mid-download; the body is under way, so no error page can follow.
            LOG.log(Level.INFO, "Export " + kind.fileName() + " ended early", e);
        } finally {
            progress.end(session, kind, finished);
        }
    }
}
