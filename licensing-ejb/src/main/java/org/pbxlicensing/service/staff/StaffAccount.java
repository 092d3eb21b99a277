package org.pbxlicensing.service.staff;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.pbxlicensing.domain.audit.Actor;
import org.pbxlicensing.domain.failure.LicensingException;
import org.pbxlicensing.domain.staff.Base32;
import org.pbxlicensing.domain.staff.RecoveryCodes;
import org.pbxlicensing.domain.staff.StaffRole;
import org.pbxlicensing.domain.staff.StaffUser;
import org.pbxlicensing.domain.staff.Totp;
import org.pbxlicensing.infrastructure.time.ServerClock;
import org.pbxlicensing.service.audit.AuditLog;

/**
 * What every member of staff does with their own account: change the password (the current one
 * first), enrol a second factor, remove it (password and a code). The member is always the caller,
 * never a name passed in.
 */
@Stateless
@RolesAllowed(StaffRole.VIEWER_NAME)
public class StaffAccount {

    @PersistenceContext(unitName = "licensing")
    EntityManager em;

    @Inject
    StaffQueries queries;

    @Resource
    SessionContext context;

    @Inject
    StaffSecrets secrets;

    @Inject
    AuditLog audit;

    @Inject
    ServerClock clock;

    @Inject
    @ConfigProperty(name = "licensing.admin.totp-issuer", defaultValue = "PBX Licensing")
    String issuer;

    /** An enrolment waiting for its first code: what the authenticator app is given. */
    public record Enrolment(String uri, String secret) {
    }

    public void changePassword(char[] current, char[] password, Actor self) {
        StaffUser user = me();
        if (current == null || !user.hasPassword(current)) {
            throw LicensingException.invalid("currentPassword", "WRONG");
        }
        StaffPasswords.requireStrong(password);
        user.changePassword(password);
        audit.record(self, "STAFF_PASSWORD_CHANGED", null, "staff " + user.userName(), null);
    }

    public boolean hasTotp() {
        return me().totpEnabled();
    }

    /** Starts (or starts over) an enrolment with a new secret; the login asks for codes only once one is confirmed. */
    public Enrolment startTotp() {
        StaffUser user = me();
        if (user.totpEnabled()) {
            throw LicensingException.invalid("totp", "ALREADY_ENROLLED");
        }
        byte[] secret = Totp.newSecret();
        user.enrolTotp(secrets.seal(secret, user.userName()));
        return enrolment(user, secret);
    }

    /** The enrolment started and not yet confirmed, if any. */
    public Optional<Enrolment> pendingTotp() {
        StaffUser user = me();
        if (user.totpSecret() == null || user.totpEnabled()) {
            return Optional.empty();
        }
        return Optional.of(enrolment(user, secrets.open(user.totpSecret(), user.userName())));
    }

    /**
     * Confirms the enrolment with a code of the new secret, and gives the ten recovery codes, which are
     * stored only as digests: this is the one time they are seen.
     */
    public List<String> confirmTotp(String code, Actor self) {
        StaffUser user = me();
        if (user.totpSecret() == null || user.totpEnabled()) {
            throw LicensingException.invalid("totp", "NOT_STARTED");
        }
        byte[] secret = secrets.open(user.totpSecret(), user.userName());
        var step = Totp.matchingStep(secret, code, clock.now(), user.totpLastStep());
        if (step.isEmpty() || !SecondFactorClaim.spendStep(em, user.userName(), step.getAsLong())) {
            throw LicensingException.invalid("code", "WRONG");
        }
        em.refresh(user);
        user.confirmTotp();
        queries.forgetRecoveryCodes(user.userName());
        List<String> codes = RecoveryCodes.generate();
        for (String recovery : codes) {
            queries.addRecoveryCode(user.userName(), RecoveryCodes.hash(recovery));
        }
        audit.record(self, "STAFF_TOTP_ENROLLED", null, "staff " + user.userName(), null);
        return codes;
    }

    /** Removes the member's own second factor: their password and a code (or a recovery code) are needed. */
    public void removeTotp(char[] password, String code, Actor self) {
        StaffUser user = me();
        if (!user.totpEnabled()) {
            throw LicensingException.invalid("totp", "NOT_ENROLLED");
        }
        if (password == null || !user.hasPassword(password)) {
            throw LicensingException.invalid("currentPassword", "WRONG");
        }
        byte[] secret = secrets.open(user.totpSecret(), user.userName());
        if (!SecondFactorClaim.spend(em, user.userName(), secret, code, user.totpLastStep(), clock.now())) {
            throw LicensingException.invalid("code", "WRONG");
        }
        em.refresh(user);
        user.removeTotp();
        queries.forgetRecoveryCodes(user.userName());
        audit.record(self, "STAFF_TOTP_REMOVED", null, "staff " + user.userName(), null);
    }

    private Enrolment enrolment(StaffUser user, byte[] secret) {
        return new Enrolment(Totp.uri(issuer, user.userName(), secret), Base32.encode(secret));
    }

    private StaffUser me() {
        StaffUser user = em.find(StaffUser.class, context.getCallerPrincipal().getName());
        if (user == null || !user.enabled()) {
            throw LicensingException.invalid("userName", "NOT_FOUND");
        }
        return user;
    }
}
