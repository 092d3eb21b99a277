package org.pbxlicensing.domain.licensev2;

import java.time.Duration;
import java.time.Instant;

/**
 * The times of a token. Online: the PBX must poll again within {@code poll} seconds, so the token
 * expires at twice that; while no server answers, it keeps licensing until {@code offlineUntil}.
 * Offline (a request file): no polls, so the token lasts as long as its grace.
 *
 * @param pollSeconds null for offline tokens, which are never polled
 */
public record TokenTerms(Instant issuedAt, Instant expiresAt, Instant offlineUntil, Integer pollSeconds) {

    public static final int MIN_POLL_SECONDS = 300;
    public static final int MAX_POLL_SECONDS = 900;

    public static TokenTerms online(Instant now, int pollSeconds, Duration grace) {
        int poll = Math.max(MIN_POLL_SECONDS, Math.min(MAX_POLL_SECONDS, pollSeconds));
        return new TokenTerms(now, now.plusSeconds(2L * poll), now.plus(grace), poll);
    }

    public static TokenTerms offline(Instant now, Duration validity) {
        Instant end = now.plus(validity);
        return new TokenTerms(now, end, end, null);
    }

    /**
     * A feature's value: the end of its license, but never past {@code offlineUntil}, since the PBX
     * switches a feature off at its value and the grace never extends one.
     *
     * @param licenseEnd null for a perpetual license
     */
    public Instant featureEnd(Instant licenseEnd) {
        return licenseEnd == null || licenseEnd.isAfter(offlineUntil) ? offlineUntil : licenseEnd;
    }
}
