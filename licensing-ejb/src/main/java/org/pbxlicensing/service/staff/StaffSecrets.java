package org.pbxlicensing.service.staff;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.pbxlicensing.domain.crypto.SecretsKey;
import org.pbxlicensing.domain.failure.LicensingException;

/**
 * Seals staff members' TOTP secrets with the secrets key, as the signing keys are sealed: a sealed
 * secret is bound to its member's name, so it does not open in another member's row.
 */
@ApplicationScoped
public class StaffSecrets {

    @Inject
    @ConfigProperty(name = "licensing.secrets.key-file")
    Optional<String> secretsKeyFile;

    private volatile SecretsKey key;

    /** @throws LicensingException {@code totp: NO_SECRETS_KEY} when the server has no secrets key to seal with */
    public String seal(byte[] secret, String userName) {
        return key().seal(secret, context(userName));
    }

    public byte[] open(String sealed, String userName) {
        return key().open(sealed, context(userName));
    }

    private static String context(String userName) {
        return "staff_user.totp_secret " + userName;
    }

    private SecretsKey key() {
        if (key == null) {
            key = SecretsKey.read(Path.of(secretsKeyFile.filter(file -> !file.isBlank())
                    .orElseThrow(() -> LicensingException.invalid("totp", "NO_SECRETS_KEY"))));
        }
        return key;
    }
}
