package org.pbxlicensing.domain.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class EmailMaskTest {

    @Test
    void onlyTheFirstLetterAndTheDomainRemain() {
        assertEquals("i***@example.com", EmailMask.masked("ivan.petrov@example.com"));
    }

    @Test
    void whatIsNotAnAddressIsHiddenWhole() {
        assertEquals("***", EmailMask.masked("no-at-sign"));
        assertEquals("***", EmailMask.masked("@example.com"));
        assertEquals("***", EmailMask.masked(null));
    }
}
