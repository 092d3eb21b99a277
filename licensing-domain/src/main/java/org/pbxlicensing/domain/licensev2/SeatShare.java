package org.pbxlicensing.domain.licensev2;

/**
 * An installation's share of a per-session feature: the license's seats less those that the other
 * installations of the registration report in use. What it holds itself stays within its share.
 */
public final class SeatShare {

    private SeatShare() {
    }

    public static int of(int licenseSeats, long usedByOthers) {
        return (int) Math.max(0, licenseSeats - Math.max(0, usedByOthers));
    }
}
