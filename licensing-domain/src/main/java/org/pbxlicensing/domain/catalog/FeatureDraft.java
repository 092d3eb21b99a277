package org.pbxlicensing.domain.catalog;

/**
 * A feature of the catalogue as staff write it: a new one, or new values of an existing one.
 * {@code releaseSilentAfterDays} is null when bindings are never released for their host's silence;
 * {@code russianName} is null when Russian pages show the name as it is.
 */
public record FeatureDraft(int number, String name, CountingMode countingMode, int trialDays, int trialSeats,
        Integer releaseSilentAfterDays, String russianName) {

    /** A feature whose name reads the same in Russian as in English. */
    public FeatureDraft(int number, String name, CountingMode countingMode, int trialDays, int trialSeats,
            Integer releaseSilentAfterDays) {
        this(number, name, countingMode, trialDays, trialSeats, releaseSilentAfterDays, null);
    }

    /** A feature whose bindings stay until someone releases them. */
    public FeatureDraft(int number, String name, CountingMode countingMode, int trialDays, int trialSeats) {
        this(number, name, countingMode, trialDays, trialSeats, null);
    }
}
