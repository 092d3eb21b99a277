package org.pbxlicensing.domain.coupon;

import static org.pbxlicensing.domain.export.CsvLine.field;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/** Coupons as CSV (RFC 4180), one line per coupon, for staff to hand over or to archive. */
public final class CouponCsv {

    public static final String HEADER = "code,feature,seats,termMonths,state,batch,createdAt,activatedAt";

    private final Writer out;

    public CouponCsv(Writer out) {
        this.out = out;
        write(HEADER);
    }

    public void add(Coupon coupon) {
        write(String.join(",",
                coupon.code().value(),
                Integer.toString(coupon.feature()),
                Integer.toString(coupon.seats()),
                coupon.termMonths() == null ? "" : coupon.termMonths().toString(),
                coupon.state().name(),
                field(coupon.batch().reference()),
                coupon.createdAt().toString(),
                coupon.activatedAt() == null ? "" : coupon.activatedAt().toString()));
    }


    private void write(String line) {
        try {
            out.write(line);
            out.write("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
