package org.pbxlicensing.web.faces;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.context.ResponseWriter;
import jakarta.faces.context.ResponseWriterWrapper;
import java.io.IOException;
import java.util.List;
import org.primefaces.component.messages.Messages;
import org.primefaces.component.messages.MessagesRenderer;

/**
 * PrimeFaces' message box with a list that assistive technology can read. PrimeFaces writes each message as an
 * {@code <li role="alert">}, so that it is announced, inside a plain {@code <ul>}: a list whose items are no
 * list items, which screen readers misread (axe-core's rule "list", serious). The {@code <ul>} is written with
 * {@code role="none"}; each message stays an alert.
 */
public class MessageListRenderer extends MessagesRenderer {

    @Override
    protected void encodeMessages(FacesContext context, Messages messages, String severity, List<FacesMessage> list)
            throws IOException {
        ResponseWriter writer = context.getResponseWriter();
        context.setResponseWriter(new ListWithoutRole(writer));
        try {
            super.encodeMessages(context, messages, severity, list);
        } finally {
            context.setResponseWriter(writer);
        }
    }

    private static final class ListWithoutRole extends ResponseWriterWrapper {

        ListWithoutRole(ResponseWriter wrapped) {
            super(wrapped);
        }

        @Override
        public void startElement(String name, UIComponent component) throws IOException {
            super.startElement(name, component);
            if ("ul".equals(name)) {
                super.writeAttribute("role", "none", null);
            }
        }
    }
}
