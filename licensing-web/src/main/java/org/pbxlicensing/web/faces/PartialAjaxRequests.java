package org.pbxlicensing.web.faces;

import jakarta.faces.context.FacesContext;
import jakarta.faces.context.PartialViewContext;
import jakarta.faces.context.PartialViewContextFactory;
import jakarta.faces.context.PartialViewContextWrapper;

/**
 * PrimeFaces takes a post with the parameter {@code jakarta.faces.partial.ajax} for an Ajax request; Faces takes only
 * one with the header {@code Faces-Request: partial/ajax} for a partial request, and PrimeFaces leaves that to Faces.
 * PrimeFaces' script always sends both. A post with the parameter and without the header was half of each, an Ajax
 * request that is not partial: Faces began to write the whole page, PrimeFaces then asked for a partial response, and
 * the request ended in a 500. Here an Ajax request is always a partial one (faces-config.xml).
 */
public class PartialAjaxRequests extends PartialViewContextFactory {

    public PartialAjaxRequests(PartialViewContextFactory wrapped) {
        super(wrapped);
    }

    @Override
    public PartialViewContext getPartialViewContext(FacesContext context) {
        return new AlwaysPartial(getWrapped().getPartialViewContext(context));
    }

    private static final class AlwaysPartial extends PartialViewContextWrapper {

        AlwaysPartial(PartialViewContext wrapped) {
            super(wrapped);
        }

        @Override
        public boolean isPartialRequest() {
            return getWrapped().isPartialRequest() || isAjaxRequest();
        }
    }
}
