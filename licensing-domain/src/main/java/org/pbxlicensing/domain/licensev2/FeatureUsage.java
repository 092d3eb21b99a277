package org.pbxlicensing.domain.licensev2;

/** Seats of a per-session feature an installation reports: held now, highest, and refused. */
public record FeatureUsage(int feature, int used, int peak, int denied) {
}
