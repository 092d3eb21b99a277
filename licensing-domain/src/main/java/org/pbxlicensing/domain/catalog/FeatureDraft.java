package org.pbxlicensing.domain.catalog;

/**
 * A feature of the catalogue as staff write it: a new one, or new values of an existing one.
 * {@code releaseSilentAfterDays} is null when bindings are never released for their host's silence.
 */
public record FeatureDraft(int number, String name, CountingMode countingMode, int trialDays, int trialSeats,
        Integer releaseSilentAfterDays) {

    /** A feature whose bindings stay until someone releases them. */
    public FeatureDraft(int number, String name, CountingMode countingMode, int trialDays, int trialSeats) {
        this(number, name, countingMode, trialDays, trialSeats, null);
    }
}
