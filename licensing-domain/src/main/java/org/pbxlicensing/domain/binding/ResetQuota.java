package org.pbxlicensing.domain.binding;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.pbxlicensing.domain.audit.ActorType;

/**
 * How often a customer may release host bindings of one license: {@code limit} times within any
 * rolling window of 30 days. A reset paid by a staff grant does not count against the limit.
 */
public record ResetQuota(int limit) {

    public static final Duration WINDOW = Duration.ofDays(30);

    public ResetQuota {
        if (limit < 0) {
            throw new IllegalArgumentException("a reset quota is zero or more");
        }
    }

    /** Customers (API, portal) are counted; staff and the server itself are not. */
    public static boolean counts(ActorType door) {
        return door == ActorType.API || door == ActorType.PORTAL;
    }

    /**
     * What the license allows at {@code now}.
     *
     * @param countedResets the license's resets that counted against the quota (any age; older ones are ignored)
     * @param unusedGrants  extra resets granted by staff and not spent yet
     */
    public ResetAllowance allowance(Collection<Instant> countedResets, int unusedGrants, Instant now) {
        Instant windowStart = now.minus(WINDOW);
        List<Instant> inWindow = countedResets.stream()
                .filter(reset -> reset.isAfter(windowStart) && !reset.isAfter(now))
                .sorted()
                .toList();
        int fromQuota = Math.max(0, limit - inWindow.size());
        if (fromQuota > 0 || limit == 0) {
            return new ResetAllowance(fromQuota, unusedGrants, null);
        }
        // The quota is back once enough of the oldest resets have left the window.
        Instant quotaBack = inWindow.get(inWindow.size() - limit).plus(WINDOW);
        return new ResetAllowance(0, unusedGrants, quotaBack);
    }
}
