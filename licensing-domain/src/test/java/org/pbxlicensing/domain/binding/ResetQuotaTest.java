package org.pbxlicensing.domain.binding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pbxlicensing.domain.audit.ActorType;

class ResetQuotaTest {

    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
    private final ResetQuota quota = new ResetQuota(3);

    private static Instant daysAgo(int days) {
        return NOW.minus(Duration.ofDays(days));
    }

    @Test
    void aLicenseWithoutResetsHasTheWholeQuota() {
        var allowance = quota.allowance(List.of(), 0, NOW);
        assertEquals(3, allowance.left());
        assertTrue(allowance.permitsReset());
        assertFalse(allowance.spendsGrant());
        assertNull(allowance.nextResetAt());
    }

    @Test
    void eachResetInTheWindowUsesOne() {
        assertEquals(1, quota.allowance(List.of(daysAgo(1), daysAgo(2)), 0, NOW).left());
    }

    @Test
    void theFourthResetIsRefusedUntilTheOldestLeavesTheWindow() {
        var allowance = quota.allowance(List.of(daysAgo(1), daysAgo(20), daysAgo(5)), 0, NOW);
        assertFalse(allowance.permitsReset());
        assertEquals(daysAgo(20).plus(Duration.ofDays(30)), allowance.nextResetAt());
    }

    @Test
    void theWindowRolls() {
        List<Instant> resets = List.of(daysAgo(1), daysAgo(20), daysAgo(5));
        Instant oldestLeaves = daysAgo(20).plus(ResetQuota.WINDOW);
        assertFalse(quota.allowance(resets, 0, oldestLeaves.minusSeconds(1)).permitsReset());
        assertEquals(1, quota.allowance(resets, 0, oldestLeaves).left());
        assertEquals(3, quota.allowance(resets, 0, NOW.plus(Duration.ofDays(31))).left());
    }

    @Test
    void resetsOlderThanTheWindowDoNotCount() {
        assertEquals(2, quota.allowance(List.of(daysAgo(30), daysAgo(45), daysAgo(3)), 0, NOW).left());
    }

    @Test
    void aGrantAllowsOneMoreAndIsSpentFirstOnlyWhenTheQuotaIsUsedUp() {
        var withQuota = quota.allowance(List.of(daysAgo(1)), 1, NOW);
        assertEquals(3, withQuota.left());
        assertFalse(withQuota.spendsGrant());

        var usedUp = quota.allowance(List.of(daysAgo(1), daysAgo(2), daysAgo(3)), 1, NOW);
        assertTrue(usedUp.permitsReset());
        assertTrue(usedUp.spendsGrant());
        assertEquals(1, usedUp.left());
    }

    @Test
    void aLoweredQuotaWaitsForEnoughResetsToLeave() {
        var lowered = new ResetQuota(1);
        var allowance = lowered.allowance(List.of(daysAgo(1), daysAgo(10), daysAgo(20)), 0, NOW);
        assertFalse(allowance.permitsReset());
        assertEquals(daysAgo(1).plus(ResetQuota.WINDOW), allowance.nextResetAt());
    }

    @Test
    void aQuotaOfZeroLeavesOnlyGrants() {
        var none = new ResetQuota(0);
        assertFalse(none.allowance(List.of(), 0, NOW).permitsReset());
        assertNull(none.allowance(List.of(), 0, NOW).nextResetAt());
        assertTrue(none.allowance(List.of(), 1, NOW).spendsGrant());
    }

    @Test
    void theNextResetIsNeverAnnouncedEarly() {
        Instant oddReset = daysAgo(10).plusMillis(400);
        var allowance = new ResetQuota(1).allowance(List.of(oddReset), 0, NOW);
        assertEquals(oddReset.plus(ResetQuota.WINDOW).plusMillis(600), allowance.nextResetAt());
    }

    @Test
    void onlyCustomersAreCounted() {
        assertTrue(ResetQuota.counts(ActorType.API));
        assertTrue(ResetQuota.counts(ActorType.PORTAL));
        assertFalse(ResetQuota.counts(ActorType.ADMIN));
        assertFalse(ResetQuota.counts(ActorType.SYSTEM));
    }

    @Test
    void aQuotaIsNotNegative() {
        assertThrows(IllegalArgumentException.class, () -> new ResetQuota(-1));
    }
}
