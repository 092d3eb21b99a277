package org.pbxlicensing.domain.mail;

/** Email addresses for logs: enough to recognise one, not enough to collect them. */
public final class EmailMask {

    private EmailMask() {
    }

    /** {@code ivan@example.com} becomes {@code i***@example.com}. */
    public static String masked(String email) {
        int at = email == null ? -1 : email.lastIndexOf('@');
        if (at < 1) {
            return "***";
        }
        return email.charAt(0) + "***" + email.substring(at);
    }
}
