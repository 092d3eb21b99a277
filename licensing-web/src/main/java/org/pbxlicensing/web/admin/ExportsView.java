package org.pbxlicensing.web.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.text.NumberFormat;
import java.util.Arrays;
import java.util.List;
import org.pbxlicensing.service.admin.DataExports;
import org.pbxlicensing.service.admin.ExportKind;

/** The exports page: the exports the member's role allows, their size now, and how far a download is. */
@Named
@RequestScoped
public class ExportsView {

    @Inject
    DataExports exports;

    @Inject
    ExportProgress progress;

    @Inject
    SecurityContext security;

    public record Export(ExportKind kind, long rows) {
    }

    private List<Export> allowed;

    public List<Export> getExports() {
        if (allowed == null) {
            allowed = Arrays.stream(ExportKind.values()).filter(kind -> security.isCallerInRole(kind.role().name()))
                    .map(kind -> new Export(kind, exports.count(kind))).toList();
        }
        return allowed;
    }

    /** The download's state in the staff's language: rows written of how many, finished or broken off. */
    public String progressOf(ExportKind kind) {
        ExportProgress.Progress now = progress.of(session(), kind);
        if (now == null) {
            return "";
        }
        String written = number(now.written());
        return switch (now.state()) {
            case RUNNING -> AdminMessages.text("exports.running").replace("{0}", written).replace("{1}", number(now.expected()));
            case FINISHED -> AdminMessages.text("exports.finished").replace("{0}", written);
            case FAILED -> AdminMessages.text("exports.failed").replace("{0}", written);
        };
    }

    public boolean isIdle() {
        return progress.idle(session());
    }

    public String number(long value) {
        return NumberFormat.getIntegerInstance(FacesContext.getCurrentInstance().getViewRoot().getLocale()).format(value);
    }

    private static String session() {
        return FacesContext.getCurrentInstance().getExternalContext().getSessionId(true);
    }
}
