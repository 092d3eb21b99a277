package org.pbxlicensing.service.licensev2;

import java.time.Instant;
import java.util.SortedMap;

/**
 * What an installation may run now: each feature with the end of its license (null: perpetual),
 * and its share of the seats of each per-session feature.
 */
public record InstallationGrant(SortedMap<Integer, Instant> licenseEnds, SortedMap<Integer, Integer> seats) {
}
