package org.pbxlicensing.web.admin;

import jakarta.security.enterprise.credential.Credential;

/**
 * The second step of a staff login: the member whose password was right in this session, and the code
 * they typed (their authenticator's or a recovery code).
 */
record StaffCodeCredential(String userName, String code) implements Credential {
}
