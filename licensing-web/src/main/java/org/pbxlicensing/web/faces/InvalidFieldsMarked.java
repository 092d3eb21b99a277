package org.pbxlicensing.web.faces;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UIInput;
import jakarta.faces.component.UIMessage;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.component.visit.VisitContext;
import jakarta.faces.component.visit.VisitHint;
import jakarta.faces.component.visit.VisitResult;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseEvent;
import jakarta.faces.event.PhaseId;
import jakarta.faces.event.PhaseListener;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A field with an error tells assistive technology so: it is marked invalid ({@code aria-invalid}) and described
 * by the message shown beside it ({@code aria-describedby}). Errors that the services find arrive as messages
 * for the field's id without the field failing Faces' own validation, so the field is marked here, just before
 * the page is rendered; a field marked on an earlier render of the view and without an error now is unmarked.
 */
public class InvalidFieldsMarked implements PhaseListener {

    private static final long serialVersionUID = 1L;
    private static final String MARKED = InvalidFieldsMarked.class.getName();
    private static final String INVALID = "aria-invalid";
    private static final String DESCRIBED_BY = "aria-describedby";

    @Override
    public PhaseId getPhaseId() {
        return PhaseId.RENDER_RESPONSE;
    }

    @Override
    public void beforePhase(PhaseEvent event) {
        FacesContext faces = event.getFacesContext();
        UIViewRoot view = faces.getViewRoot();
        if (view == null || view.getChildCount() == 0) {
            return;
        }
        Set<String> invalid = fieldsWithErrors(faces);
        @SuppressWarnings("unchecked")
        Set<String> marked = (Set<String>) view.getViewMap().computeIfAbsent(MARKED, key -> new HashSet<String>());
        if (invalid.isEmpty() && marked.isEmpty()) {
            return;
        }
        Map<String, String> messageIds = messagesBesideFields(faces, view);
        for (String field : Set.copyOf(marked)) {
            if (!invalid.contains(field)) {
                view.invokeOnComponent(faces, field, (context, component) -> unmark(component));
                marked.remove(field);
            }
        }
        for (String field : invalid) {
            if (view.invokeOnComponent(faces, field, (context, component) -> mark(component, messageIds.get(field)))) {
                marked.add(field);
            }
        }
    }

    @Override
    public void afterPhase(PhaseEvent event) {
        // Only the state before rendering matters.
    }

    private static Set<String> fieldsWithErrors(FacesContext faces) {
        Set<String> fields = new HashSet<>();
        faces.getClientIdsWithMessages().forEachRemaining(clientId -> {
            if (clientId != null && faces.getMessageList(clientId).stream()
                    .anyMatch(message -> message.getSeverity().compareTo(FacesMessage.SEVERITY_ERROR) >= 0)) {
                fields.add(clientId);
            }
        });
        return fields;
    }

    /** The client id of each field that has a message component beside it, with that component's own id. */
    private static Map<String, String> messagesBesideFields(FacesContext faces, UIViewRoot view) {
        Map<String, String> messageIds = new HashMap<>();
        view.visitTree(VisitContext.createVisitContext(faces, null, EnumSet.of(VisitHint.SKIP_ITERATION)),
                (visit, component) -> {
                    if (component instanceof UIMessage message && message.getFor() != null) {
                        UIComponent field = message.findComponent(message.getFor());
                        if (field != null) {
                            messageIds.put(field.getClientId(faces), message.getClientId(faces));
                        }
                    }
                    return VisitResult.ACCEPT;
                });
        return messageIds;
    }

    private static void mark(UIComponent component, String messageId) {
        if (!(component instanceof UIInput input)) {
            return;
        }
        input.setValid(false);
        if (!renderedByPrimeFaces(input)) {
            input.getPassThroughAttributes().put(INVALID, "true");
        }
        if (messageId != null) {
            input.getPassThroughAttributes().put(DESCRIBED_BY, messageId);
        }
    }

    private static void unmark(UIComponent component) {
        if (component instanceof UIInput input) {
            input.setValid(true);
        }
        component.getPassThroughAttributes().remove(INVALID);
        component.getPassThroughAttributes().remove(DESCRIBED_BY);
    }

    /** PrimeFaces' inputs write {@code aria-invalid} themselves from their validity; Faces' own inputs do not. */
    private static boolean renderedByPrimeFaces(UIInput input) {
        return input.getClass().getName().startsWith("org.primefaces.");
    }
}
