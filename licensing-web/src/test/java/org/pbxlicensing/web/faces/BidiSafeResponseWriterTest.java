package org.pbxlicensing.web.faces;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.faces.component.UIComponent;
import jakarta.faces.context.ResponseWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import org.junit.jupiter.api.Test;

class BidiSafeResponseWriterTest {

    @Test
    void textsShowDirectionControlsAsReplacementCharacters() throws IOException {
        var page = new StringWriter();
        var writer = new BidiSafeResponseWriter(new PlainWriter(page));
        writer.writeText("ACME\u202Egnp.exe", null);
        writer.writeText(new StringBuilder("|\u2066x\u2069|"), (UIComponent) null, "value");
        writer.writeText("[\u200Fpbx\u200E]".toCharArray(), 1, 5);
        assertEquals("ACME\uFFFDgnp.exe|\uFFFDx\uFFFD|\uFFFDpbx\uFFFD", page.toString());
    }

    @Test
    void attributeValuesShowThemSoToo() throws IOException {
        var page = new StringWriter();
        var writer = new BidiSafeResponseWriter(new PlainWriter(page));
        writer.writeAttribute("title", "office\u061C", null);
        writer.writeAttribute("disabled", Boolean.TRUE, null);
        writer.writeAttribute("size", 40, null);
        assertEquals(" title=office\uFFFD disabled=true size=40", page.toString());
    }

    @Test
    void textWithoutThemIsWrittenAsItIs() throws IOException {
        var page = new StringWriter();
        var writer = new BidiSafeResponseWriter(new PlainWriter(page));
        writer.writeText("ООО «Ромашка» שלום", null);
        writer.writeText("abc".toCharArray(), 0, 3);
        assertEquals("ООО «Ромашка» שלוםabc", page.toString());
    }

    @Test
    void aCloneWritesSafelyToo() throws IOException {
        var other = new StringWriter();
        var clone = new BidiSafeResponseWriter(new PlainWriter(new StringWriter())).cloneWithWriter(other);
        clone.writeText("\u202Dx", null);
        assertEquals("\uFFFDx", other.toString());
    }

    /** Writes texts and attributes as they come, so that the test sees what the safe writer passed on. */
    private static final class PlainWriter extends ResponseWriter {

        private final Writer out;

        PlainWriter(Writer out) {
            this.out = out;
        }

        @Override
        public void writeText(Object text, String property) throws IOException {
            out.write(String.valueOf(text));
        }

        @Override
        public void writeText(char[] text, int off, int len) throws IOException {
            out.write(text, off, len);
        }

        @Override
        public void writeAttribute(String name, Object value, String property) throws IOException {
            out.write(" " + name + "=" + value);
        }

        @Override
        public ResponseWriter cloneWithWriter(Writer writer) {
            return new PlainWriter(writer);
        }

        @Override
        public String getContentType() {
            return "text/html";
        }

        @Override
        public String getCharacterEncoding() {
            return "UTF-8";
        }

        @Override
        public void flush() {
        }

        @Override
        public void startDocument() {
        }

        @Override
        public void endDocument() {
        }

        @Override
        public void startElement(String name, UIComponent component) {
        }

        @Override
        public void endElement(String name) {
        }

        @Override
        public void writeURIAttribute(String name, Object value, String property) {
        }

        @Override
        public void writeComment(Object comment) {
        }

        @Override
        public void write(char[] cbuf, int off, int len) throws IOException {
            out.write(cbuf, off, len);
        }

        @Override
        public void close() {
        }
    }
}
