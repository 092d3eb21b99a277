package org.pbxlicensing.web.faces;

import jakarta.faces.FacesException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.Iterator;

/**
 * A form posted to a page that does not exist, with a view state (real or made up), makes Faces build the view to
 * restore it and fail for want of the page's file. Like the GET of such a page, it is a 404 with the application's
 * error page, and nothing in the log.
 */
public class MissingViewExceptionHandler extends ExceptionHandlerWrapper {

    public MissingViewExceptionHandler(ExceptionHandler wrapped) {
        super(wrapped);
    }

    @Override
    public void handle() {
        boolean missing = false;
        Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
        while (events.hasNext()) {
            if (isMissingPage(events.next().getContext().getException())) {
                events.remove();
                missing = true;
            }
        }
        if (missing) {
            answerNotFound(FacesContext.getCurrentInstance());
        }
        super.handle();
    }

    private static boolean isMissingPage(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof FileNotFoundException) {
                return true;
            }
        }
        return false;
    }

    private static void answerNotFound(FacesContext faces) {
        try {
            faces.getExternalContext().responseSendError(404, null);
        } catch (IOException e) {
            throw new FacesException(e);
        }
        faces.responseComplete();
    }
}
