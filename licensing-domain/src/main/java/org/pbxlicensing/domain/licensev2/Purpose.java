package org.pbxlicensing.domain.licensev2;

import java.util.Locale;
import java.util.Optional;

/** Why a PBX asks: a live poll, or a request file carried by hand out of a closed network. */
public enum Purpose {
    ONLINE,
    OFFLINE;

    public static Optional<Purpose> ofWire(String value) {
        for (Purpose purpose : values()) {
            if (purpose.wire().equals(value)) {
                return Optional.of(purpose);
            }
        }
        return Optional.empty();
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
