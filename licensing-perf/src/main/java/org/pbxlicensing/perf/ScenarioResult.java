package org.pbxlicensing.perf;

import java.util.Arrays;

/** The figures of one scenario: counts, throughput and latency percentiles in milliseconds. */
record ScenarioResult(String name, double seconds, long ok, long refused, long errors, double throughput,
        double meanMillis, double p50Millis, double p95Millis, double p99Millis, double maxMillis) {

    static ScenarioResult of(String name, double seconds, long ok, long refused, long errors, long[] latencyNanos) {
        long[] sorted = latencyNanos.clone();
        Arrays.sort(sorted);
        double mean = sorted.length == 0 ? 0 : Arrays.stream(sorted).average().orElse(0) / 1e6;
        return new ScenarioResult(name, seconds, ok, refused, errors, (ok + refused) / seconds, mean,
                percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99),
                sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
    }

    private static double percentile(long[] sorted, double percent) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(percent / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank))] / 1e6;
    }
}
