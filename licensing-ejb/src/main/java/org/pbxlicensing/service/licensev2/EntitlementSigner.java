package org.pbxlicensing.service.licensev2;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.pbxlicensing.domain.licensev2.EntitlementRequest;
import org.pbxlicensing.domain.licensev2.RefusalPayload;
import org.pbxlicensing.domain.licensev2.RefusalReason;
import org.pbxlicensing.domain.licensev2.SignedWireForm;
import org.pbxlicensing.domain.licensev2.TokenPayload;
import org.pbxlicensing.service.certificate.CertificateIssuer;

/** Signs tokens and refusals with the key that signs certificates, the one JWKS publishes. */
@ApplicationScoped
public class EntitlementSigner {

    @Inject
    CertificateIssuer issuer;

    public String kid() {
        return issuer.currentKid();
    }

    public String token(TokenPayload payload) {
        return SignedWireForm.of(payload.toJson(), issuer::signWithCurrentKey);
    }

    public EntitlementAnswer refusal(EntitlementRequest request, RefusalReason reason) {
        var payload = new RefusalPayload(kid(), request.install(), request.nonce(), reason);
        return EntitlementAnswer.refusal(SignedWireForm.of(payload.toJson(), issuer::signWithCurrentKey));
    }
}
