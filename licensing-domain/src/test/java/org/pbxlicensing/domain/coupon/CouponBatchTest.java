package org.pbxlicensing.domain.coupon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CouponBatchTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final CouponTerms TERMS = new CouponTerms(33, 2, 12);

    @Test
    void aStaffBatchIsCalledByTheNoteTypedWhenMinting() {
        assertEquals("Партнёр «Ромашка», декабрь",
                CouponBatch.staffBatch(TERMS, 5, "  Партнёр «Ромашка», декабрь ", "admin", NOW).label());
    }

    @Test
    void aStaffBatchWithoutANoteHasNoLabelRatherThanItsGeneratedReference() {
        assertNull(CouponBatch.staffBatch(TERMS, 5, null, "admin", NOW).label());
        assertNull(CouponBatch.staffBatch(TERMS, 5, "   ", "admin", NOW).label());
    }

    @Test
    void anOrderIsCalledByItsOrderIdUnlessItHasANote() {
        assertEquals("order-1042", new CouponBatch(CouponOrigin.ORDER, "order-1042", "a@b.c", null, 1, null, NOW).label());
        assertEquals("gift", new CouponBatch(CouponOrigin.ORDER, "order-1042", "a@b.c", "gift", 1, null, NOW).label());
    }
}
