package org.pbxlicensing.domain.registration;

/**
 * What a customer fills in to register, as received (already trimmed; blanks are null).
 * {@link RegistrationFormRules} decides whether it is acceptable.
 */
public record RegistrationForm(
        String company,
        String contactPerson,
        String email,
        String phone,
        String taxId,
        String country,
        String city,
        Integer feature,
        boolean consent) {

    public static final int DEFAULT_FEATURE = 33;

    public int featureOrDefault() {
        return feature == null ? DEFAULT_FEATURE : feature;
    }
}
