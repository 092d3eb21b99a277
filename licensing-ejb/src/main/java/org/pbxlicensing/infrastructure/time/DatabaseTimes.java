package org.pbxlicensing.infrastructure.time;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * A {@code DATETIME} column read by a native query, as an instant: the schema keeps times in UTC, and
 * the driver hands them over as a {@link Timestamp} or a {@link LocalDateTime} depending on its settings.
 */
public final class DatabaseTimes {

    private DatabaseTimes() {
    }

    /** The instant, or null for a column without a value (or of another type). */
    public static Instant instant(Object column) {
        if (column instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (column instanceof LocalDateTime local) {
            return local.toInstant(ZoneOffset.UTC);
        }
        if (column instanceof Instant instant) {
            return instant;
        }
        return null;
    }
}
