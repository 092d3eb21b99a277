package org.pbxlicensing.web.faces;

import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.faces.event.PhaseId;
import java.net.MalformedURLException;
import java.util.Iterator;
import java.util.Optional;

/**
 * A form posted with a view state that this session does not hold (the session expired, the view was pushed
 * out of the session's views, or the value was made up) cannot be restored. Instead of an error page, the
 * visitor gets a fresh copy of the page, a GET of the same view marked {@link ExpiredPage expired}, in the
 * language of their session, with the page's view parameters ({@link FreshPage}); an Ajax post gets the
 * redirect as a partial response, so the browser navigates too. It is the visitor's situation, not a fault of
 * the server: one warning line that names the view ({@link ExpiredPage#report}), no stack trace.
 *
 * <p>A view state that the session holds but that cannot be put back into the page's components fails
 * while the view is restored, before anything of the form was taken; its visitor too gets a fresh page,
 * never an error. (Seen on a node of a cluster restoring forms that another node had rendered while both
 * were building their first views at once.)
 */
public class ExpiredViewExceptionHandler extends ExceptionHandlerWrapper {

    private static final String SITE_ROOT = "/index.xhtml";

    public ExpiredViewExceptionHandler(ExceptionHandler wrapped) {
        super(wrapped);
    }

    @Override
    public void handle() {
        ViewExpiredException first = null;
        Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
        while (events.hasNext()) {
            Optional<ViewExpiredException> expired = expiredView(events.next().getContext().getException());
            if (expired.isPresent()) {
                events.remove();
                first = first == null ? expired.get() : first;
            }
        }
        FacesContext faces = FacesContext.getCurrentInstance();
        if (first != null) {
            FreshPage.send(faces, first.getViewId() == null ? SITE_ROOT : first.getViewId(),
                    ExpiredPage.Cause.UNKNOWN_VIEW_STATE);
        } else {
            unrestorablePage(faces).ifPresent(page -> {
                for (Iterator<ExceptionQueuedEvent> failed = getUnhandledExceptionQueuedEvents().iterator(); failed.hasNext();) {
                    if (failed.next().getContext().getPhaseId() == PhaseId.RESTORE_VIEW) {
                        failed.remove();
                    }
                }
                FreshPage.send(faces, page, ExpiredPage.Cause.UNRESTORABLE_VIEW_STATE);
            });
        }
        super.handle();
    }

    /**
     * The page whose view failed to be restored, when there is one to send the visitor to fresh: not when
     * the page does not exist (Faces has already answered 404) or the answer is under way.
     */
    private Optional<String> unrestorablePage(FacesContext faces) {
        boolean failedToRestore = false;
        for (ExceptionQueuedEvent event : getUnhandledExceptionQueuedEvents()) {
            failedToRestore |= event.getContext().getPhaseId() == PhaseId.RESTORE_VIEW;
        }
        var external = faces.getExternalContext();
        String page = external.getRequestServletPath();
        if (!failedToRestore || external.isResponseCommitted() || faces.getResponseComplete() || page == null) {
            return Optional.empty();
        }
        try {
            return external.getResource(page) == null ? Optional.empty() : Optional.of(page);
        } catch (MalformedURLException notAPath) {
            return Optional.empty();
        }
    }

    /** Faces hands the exception over wrapped, in a FacesException or an EL exception, depending on where it arose. */
    private static Optional<ViewExpiredException> expiredView(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof ViewExpiredException expired) {
                return Optional.of(expired);
            }
        }
        return Optional.empty();
    }
}
