package org.pbxlicensing.domain.catalog;

/** A feature of the catalogue as staff write it: a new one, or new values of an existing one. */
public record FeatureDraft(int number, String name, CountingMode countingMode, int trialDays, int trialSeats) {
}
