package org.pbxlicensing.domain.coupon;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a coupon code in its canonical form; the prefix is read back from it. */
@Converter
public class CouponCodeConverter implements AttributeConverter<CouponCode, String> {

    @Override
    public String convertToDatabaseColumn(CouponCode code) {
        return code == null ? null : code.value();
    }

    @Override
    public CouponCode convertToEntityAttribute(String value) {
        return value == null ? null : CouponCode.parse(value, value.substring(0, value.indexOf('-')));
    }
}
