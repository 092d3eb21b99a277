package org.pbxlicensing.domain.registration;

import java.security.SecureRandom;
import java.util.Optional;
import org.pbxlicensing.domain.code.CheckedCode;
import org.pbxlicensing.domain.code.InvalidCodeException;

/**
 * A registration number such as {@code MIKO-0A1B2-C3D4E-F5G6H-J7K88}. It is a credential:
 * {@link #toString()} is masked, {@link #value()} gives the canonical form.
 */
public final class RegistrationNumber {

    public static final String DEFAULT_PREFIX = "MIKO";

    private static final RegistrationNumberFormat DEFAULT_FORMAT = new RegistrationNumberFormat(DEFAULT_PREFIX);

    private final CheckedCode code;

    RegistrationNumber(CheckedCode code) {
        this.code = code;
    }

    /** @throws InvalidCodeException if {@code input} is not a valid {@value #DEFAULT_PREFIX} number */
    public static RegistrationNumber parse(String input) {
        return DEFAULT_FORMAT.parse(input);
    }

    /** @throws InvalidCodeException if {@code input} is not a valid number with {@code prefix} */
    public static RegistrationNumber parse(String input, String prefix) {
        return new RegistrationNumberFormat(prefix).parse(input);
    }

    public static Optional<RegistrationNumber> tryParse(String input) {
        return DEFAULT_FORMAT.tryParse(input);
    }

    public static Optional<RegistrationNumber> tryParse(String input, String prefix) {
        return new RegistrationNumberFormat(prefix).tryParse(input);
    }

    public static RegistrationNumber generate(SecureRandom random) {
        return DEFAULT_FORMAT.generate(random);
    }

    public static RegistrationNumber generate(SecureRandom random, String prefix) {
        return new RegistrationNumberFormat(prefix).generate(random);
    }

    /** Canonical form {@code PREFIX-XXXXX-XXXXX-XXXXX-XXXXX}. */
    public String value() {
        return code.value();
    }

    public String prefix() {
        return code.prefix();
    }

    /** A form safe for logs that does not reveal the number. */
    public String masked() {
        return code.masked();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RegistrationNumber that && code.equals(that.code);
    }

    @Override
    public int hashCode() {
        return code.hashCode();
    }

    @Override
    public String toString() {
        return masked();
    }
}
