package org.pbxlicensing.web.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import org.pbxlicensing.service.staff.StaffDirectory;
import org.pbxlicensing.service.staff.StaffDirectory.LoginOutcome;
import org.pbxlicensing.web.request.ClientRequest;

/** Staff users from the database; a member's groups are their role and every role it includes. */
@ApplicationScoped
public class StaffIdentityStore implements IdentityStore {

    @Inject
    StaffDirectory staff;

    @Inject
    ClientRequest client;

    @Inject
    LoginAttempt attempt;

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        var result = staff.logIn(credential.getCaller(), credential.getPassword().getValue(), client.address());
        attempt.record(result.outcome());
        if (result.outcome() != LoginOutcome.ACCEPTED) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        return new CredentialValidationResult(credential.getCaller(), result.role().grantedRoles());
    }
}
