package org.pbxlicensing.domain.registration;

import java.security.SecureRandom;
import java.util.Optional;
import org.pbxlicensing.domain.code.CheckedCodeFormat;
import org.pbxlicensing.domain.code.InvalidCodeException;

/** Parses and generates registration numbers with a configured prefix. */
public final class RegistrationNumberFormat {

    private final CheckedCodeFormat codeFormat;

    public RegistrationNumberFormat(String prefix) {
        this.codeFormat = new CheckedCodeFormat(prefix);
    }

    public static RegistrationNumberFormat withDefaultPrefix() {
        return new RegistrationNumberFormat(RegistrationNumber.DEFAULT_PREFIX);
    }

    public String prefix() {
        return codeFormat.prefix();
    }

    /** @throws InvalidCodeException if {@code input} is not a valid registration number */
    public RegistrationNumber parse(String input) {
        return new RegistrationNumber(codeFormat.parse(input));
    }

    public Optional<RegistrationNumber> tryParse(String input) {
        return codeFormat.tryParse(input).map(RegistrationNumber::new);
    }

    public RegistrationNumber generate(SecureRandom random) {
        return new RegistrationNumber(codeFormat.generate(random));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RegistrationNumberFormat that && codeFormat.equals(that.codeFormat);
    }

    @Override
    public int hashCode() {
        return codeFormat.hashCode();
    }

    @Override
    public String toString() {
        return codeFormat.toString();
    }
}
