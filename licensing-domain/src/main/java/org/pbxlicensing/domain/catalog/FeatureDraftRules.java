package org.pbxlicensing.domain.catalog;

import static org.pbxlicensing.domain.failure.FieldError.INVALID_FORMAT;
import static org.pbxlicensing.domain.failure.FieldError.OUT_OF_RANGE;
import static org.pbxlicensing.domain.failure.FieldError.REQUIRED;
import static org.pbxlicensing.domain.failure.FieldError.TOO_LONG;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.pbxlicensing.domain.failure.FieldError;
import org.pbxlicensing.domain.text.BidiControls;

/**
 * What a feature must satisfy: a positive number, a short name, a counting mode, a real trial, and, if
 * silent hosts are released, at least {@link SilentHostRelease#MIN_DAYS} days of silence on a feature
 * counted per host (sessions end by themselves).
 */
public final class FeatureDraftRules {

    public static final int MAX_NUMBER = 99_999;
    public static final int MAX_NAME_LENGTH = 100;
    public static final int MAX_TRIAL_DAYS = 365;
    public static final int MAX_TRIAL_SEATS = 10_000;

    /** A feature counted per session has no bindings to release. */
    public static final String COUNTED_PER_SESSION = "COUNTED_PER_SESSION";

    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    private FeatureDraftRules() {
    }

    public static List<FieldError> violations(FeatureDraft draft) {
        List<FieldError> errors = new ArrayList<>();
        if (draft.number() < 1 || draft.number() > MAX_NUMBER) {
            errors.add(new FieldError("number", OUT_OF_RANGE));
        }
        String name = draft.name();
        if (name == null || name.isBlank()) {
            errors.add(new FieldError("name", REQUIRED));
        } else if (name.strip().codePointCount(0, name.strip().length()) > MAX_NAME_LENGTH) {
            errors.add(new FieldError("name", TOO_LONG));
        } else if (CONTROL.matcher(name).find() || BidiControls.present(name)) {
            errors.add(new FieldError("name", INVALID_FORMAT));
        }
        String russianName = draft.russianName();
        if (russianName != null && !russianName.isBlank()) {
            if (russianName.strip().codePointCount(0, russianName.strip().length()) > MAX_NAME_LENGTH) {
                errors.add(new FieldError("russianName", TOO_LONG));
            } else if (CONTROL.matcher(russianName).find() || BidiControls.present(russianName)) {
                errors.add(new FieldError("russianName", INVALID_FORMAT));
            }
        }
        if (draft.countingMode() == null) {
            errors.add(new FieldError("countingMode", REQUIRED));
        }
        if (draft.trialDays() < 1 || draft.trialDays() > MAX_TRIAL_DAYS) {
            errors.add(new FieldError("trialDays", OUT_OF_RANGE));
        }
        if (draft.trialSeats() < 1 || draft.trialSeats() > MAX_TRIAL_SEATS) {
            errors.add(new FieldError("trialSeats", OUT_OF_RANGE));
        }
        Integer silentDays = draft.releaseSilentAfterDays();
        if (silentDays != null && !SilentHostRelease.allowed(silentDays)) {
            errors.add(new FieldError("releaseSilentAfterDays", OUT_OF_RANGE));
        } else if (silentDays != null && draft.countingMode() == CountingMode.PER_SESSION) {
            errors.add(new FieldError("releaseSilentAfterDays", COUNTED_PER_SESSION));
        }
        return errors;
    }
}
