package org.pbxlicensing.domain.registration;

/** Why a login link does not log in. */
public enum LoginLinkRefusal {
    /** No such link: mistyped, cut off, or made for an email without registrations. */
    UNKNOWN,
    /** The link logged in once already. */
    USED,
    /** The link is older than {@link LoginLink#LIFETIME}. */
    EXPIRED
}
