package org.pbxlicensing.domain.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Optional;

/** A licensable feature of the catalogue, known by its number (33 = Askozia PBX). */
@Entity
@Table(name = "feature")
public class Feature {

    @Id
    private int number;

    @Column(nullable = false)
    private String name;

    /** The name on Russian pages; null where the name reads the same in both languages (a brand). */
    @Column(name = "name_ru")
    private String russianName;

    @Enumerated(EnumType.STRING)
    @Column(name = "counting_mode", nullable = false)
    private CountingMode countingMode;

    @Column(name = "trial_days", nullable = false)
    private int trialDays;

    @Column(name = "trial_seats", nullable = false)
    private int trialSeats;

    /** Null: bindings are never released because their host went silent. */
    @Column(name = "release_silent_after_days")
    private Integer releaseSilentAfterDays;

    protected Feature() {
    }

    public Feature(int number, String name, CountingMode countingMode, int trialDays, int trialSeats) {
        if (trialDays <= 0 || trialSeats <= 0) {
            throw new IllegalArgumentException("a trial lasts at least a day and has at least one seat");
        }
        this.number = number;
        this.name = name;
        this.countingMode = countingMode;
        this.trialDays = trialDays;
        this.trialSeats = trialSeats;
    }

    public Feature(FeatureDraft draft) {
        this(draft.number(), draft.name().strip(), draft.countingMode(), draft.trialDays(), draft.trialSeats());
        this.releaseSilentAfterDays = SilentHostRelease.of(draft.releaseSilentAfterDays())
                .map(SilentHostRelease::days).orElse(null);
        this.russianName = russianNameOf(draft);
    }

    /** Takes the draft's name, counting mode, trial and silent-host release (the number stays). */
    public void change(FeatureDraft draft) {
        if (draft.number() != number) {
            throw new IllegalArgumentException("a feature keeps its number");
        }
        if (draft.trialDays() <= 0 || draft.trialSeats() <= 0) {
            throw new IllegalArgumentException("a trial lasts at least a day and has at least one seat");
        }
        this.name = draft.name().strip();
        this.russianName = russianNameOf(draft);
        this.countingMode = draft.countingMode();
        this.trialDays = draft.trialDays();
        this.trialSeats = draft.trialSeats();
        this.releaseSilentAfterDays = SilentHostRelease.of(draft.releaseSilentAfterDays())
                .map(SilentHostRelease::days).orElse(null);
    }

    public int number() {
        return number;
    }

    public String name() {
        return name;
    }

    public String russianName() {
        return russianName;
    }

    /** The name a reader of the language sees: the Russian one on Russian pages when there is one. */
    public String nameIn(String language) {
        return "ru".equals(language) && russianName != null ? russianName : name;
    }

    private static String russianNameOf(FeatureDraft draft) {
        String russian = draft.russianName();
        return russian == null || russian.isBlank() ? null : russian.strip();
    }

    public CountingMode countingMode() {
        return countingMode;
    }

    public int trialDays() {
        return trialDays;
    }

    public int trialSeats() {
        return trialSeats;
    }

    /** Days of silence after which a host's binding is released, or null if never. */
    public Integer releaseSilentAfterDays() {
        return releaseSilentAfterDays;
    }

    public Optional<SilentHostRelease> silentHostRelease() {
        return SilentHostRelease.of(releaseSilentAfterDays);
    }
}
