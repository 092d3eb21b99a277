package org.pbxlicensing.domain.licensev2;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SeatShareTest {

    @Test
    void isTheLicenseSeatsLessWhatOthersUse() {
        assertEquals(4, SeatShare.of(4, 0));
        assertEquals(1, SeatShare.of(4, 3));
        assertEquals(0, SeatShare.of(4, 4));
    }

    @Test
    void neverFallsBelowZero() {
        assertEquals(0, SeatShare.of(4, 7));
        assertEquals(4, SeatShare.of(4, -2));
    }
}
