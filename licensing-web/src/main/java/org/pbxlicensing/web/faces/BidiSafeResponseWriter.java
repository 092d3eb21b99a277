package org.pbxlicensing.web.faces;

import jakarta.faces.component.UIComponent;
import jakarta.faces.context.ResponseWriter;
import jakarta.faces.context.ResponseWriterWrapper;
import java.io.IOException;
import java.io.Writer;
import org.pbxlicensing.domain.text.BidiControls;

/**
 * Writes every text and attribute value of a page with its direction controls shown as U+FFFD.
 * Values are refused with them since they were stored, but rows written before, and whatever a
 * future field forgets to check, must still not reorder what staff read next to them.
 */
final class BidiSafeResponseWriter extends ResponseWriterWrapper {

    BidiSafeResponseWriter(ResponseWriter wrapped) {
        super(wrapped);
    }

    @Override
    public void writeText(Object text, String property) throws IOException {
        super.writeText(shown(text), property);
    }

    @Override
    public void writeText(Object text, UIComponent component, String property) throws IOException {
        super.writeText(shown(text), component, property);
    }

    @Override
    public void writeText(char[] text, int off, int len) throws IOException {
        for (int i = off; i < off + len; i++) {
            if (BidiControls.isControl(text[i])) {
                super.writeText(BidiControls.neutralized(new String(text, off, len)), null);
                return;
            }
        }
        super.writeText(text, off, len);
    }

    @Override
    public void writeAttribute(String name, Object value, String property) throws IOException {
        super.writeAttribute(name, shown(value), property);
    }

    @Override
    public ResponseWriter cloneWithWriter(Writer writer) {
        return new BidiSafeResponseWriter(getWrapped().cloneWithWriter(writer));
    }

    /** Booleans and numbers as they are: the writer treats a boolean attribute differently from its text. */
    private static Object shown(Object value) {
        if (value == null || value instanceof Boolean || value instanceof Number) {
            return value;
        }
        String text = value.toString();
        return BidiControls.present(text) ? BidiControls.neutralized(text) : value;
    }
}
