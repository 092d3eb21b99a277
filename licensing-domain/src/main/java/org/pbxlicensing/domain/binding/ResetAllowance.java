package org.pbxlicensing.domain.binding;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The resets a license allows now: from its quota and from staff grants, and, when the quota is
 * used up, when it is back ({@code null} while the quota lasts, and with a quota of zero).
 */
public record ResetAllowance(int fromQuota, int fromGrants, Instant quotaBackAt) {

    public int left() {
        return fromQuota + fromGrants;
    }

    public boolean permitsReset() {
        return left() > 0;
    }

    /** A reset now spends a staff grant, since the quota is used up. */
    public boolean spendsGrant() {
        return fromQuota == 0 && fromGrants > 0;
    }

    /** When the quota allows a reset again, rounded up to whole seconds (never earlier than true). */
    public Instant nextResetAt() {
        if (quotaBackAt == null) {
            return null;
        }
        Instant whole = quotaBackAt.truncatedTo(ChronoUnit.SECONDS);
        return whole.equals(quotaBackAt) ? whole : whole.plusSeconds(1);
    }
}
