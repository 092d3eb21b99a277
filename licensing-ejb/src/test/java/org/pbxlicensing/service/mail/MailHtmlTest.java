package org.pbxlicensing.service.mail;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MailHtmlTest {

    @Test
    void whatACustomerTypedCannotBecomeMarkup() {
        String html = MailHtml.of("Subject", "The company \"<script>alert(1)</script> & Co\" is registered.\n", "en");

        assertFalse(html.contains("<script>"), html);
        assertTrue(html.contains("&quot;&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co&quot;"), html);
    }

    @Test
    void theSubjectIsEscapedToo() {
        assertTrue(MailHtml.of("<b>", "text", "ru").contains("<title>&lt;b&gt;</title>"));
    }

    @Test
    void aWebAddressBecomesALinkToItself() {
        String html = MailHtml.of("s", "Log in:\n\n    https://licensing.example.com/licensing/login.xhtml\n", "en");

        assertTrue(html.contains("<a href=\"https://licensing.example.com/licensing/login.xhtml\""), html);
    }

    @Test
    void aLinkCannotLeaveItsAttribute() {
        String html = MailHtml.of("s", "see https://example.com/a\"onclick=x", "en");

        assertFalse(html.contains("\"onclick"), html);
    }

    @Test
    void paragraphsStayParagraphsAndIndentedLinesAreSetApart() {
        String html = MailHtml.of("s", "Hello,\n\nYour number is:\n\n    MIKO-1\n\nBye\nnow\n", "en");

        assertTrue(html.contains(">Hello,</p>"), html);
        assertTrue(html.contains("monospace;font-size:16px\">MIKO-1</p>"), html);
        assertTrue(html.contains(">Bye<br>\nnow</p>"), html);
    }

    @Test
    void thePageSaysItsLanguage() {
        assertTrue(MailHtml.of("s", "text", "ru").contains("<html lang=\"ru\">"));
    }
}
