package org.pbxlicensing.domain.registration;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a registration number in its canonical form; the prefix is read back from it. */
@Converter
public class RegistrationNumberConverter implements AttributeConverter<RegistrationNumber, String> {

    @Override
    public String convertToDatabaseColumn(RegistrationNumber number) {
        return number == null ? null : number.value();
    }

    @Override
    public RegistrationNumber convertToEntityAttribute(String value) {
        return value == null ? null : RegistrationNumber.parse(value, value.substring(0, value.indexOf('-')));
    }
}
