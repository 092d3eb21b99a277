package org.pbxlicensing.web.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import org.pbxlicensing.service.staff.StaffDirectory;
import org.pbxlicensing.service.staff.StaffDirectory.LoginOutcome;
import org.pbxlicensing.service.staff.StaffDirectory.LoginResult;
import org.pbxlicensing.web.request.ClientRequest;

/**
 * Staff users from the database, in two steps for a member with a second factor: the password, then a
 * code. A member's groups are their role and every role it includes.
 */
@ApplicationScoped
public class StaffIdentityStore implements IdentityStore {

    @Inject
    StaffDirectory staff;

    @Inject
    ClientRequest client;

    @Inject
    LoginAttempt attempt;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (credential instanceof UsernamePasswordCredential password) {
            return validate(password);
        }
        if (credential instanceof StaffCodeCredential code) {
            return validated(code.userName(), staff.logInWithCode(code.userName(), code.code(), client.address()));
        }
        return CredentialValidationResult.NOT_VALIDATED_RESULT;
    }

    /** The password step: a member with a second factor is not logged in yet (the outcome asks for the code). */
    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        return validated(credential.getCaller(),
                staff.logIn(credential.getCaller(), credential.getPassword().getValue(), client.address()));
    }

    private CredentialValidationResult validated(String userName, LoginResult result) {
        attempt.record(userName, result.outcome());
        if (result.outcome() != LoginOutcome.ACCEPTED) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        return new CredentialValidationResult(userName, result.role().grantedRoles());
    }
}
