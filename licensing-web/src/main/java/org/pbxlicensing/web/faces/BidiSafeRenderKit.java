package org.pbxlicensing.web.faces;

import jakarta.faces.context.ResponseWriter;
import jakarta.faces.render.RenderKit;
import jakarta.faces.render.RenderKitWrapper;
import java.io.Writer;

/** A render kit whose pages, full or partial, are written by a {@link BidiSafeResponseWriter}. */
final class BidiSafeRenderKit extends RenderKitWrapper {

    BidiSafeRenderKit(RenderKit wrapped) {
        super(wrapped);
    }

    @Override
    public ResponseWriter createResponseWriter(Writer writer, String contentTypeList, String characterEncoding) {
        return new BidiSafeResponseWriter(getWrapped().createResponseWriter(writer, contentTypeList, characterEncoding));
    }
}
