package org.pbxlicensing.web.api.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.pbxlicensing.domain.failure.Failure;
import org.pbxlicensing.domain.failure.LicensingException;
import org.pbxlicensing.infrastructure.config.LicensingSettings;

class SweepResourceTest {

    /** Settings as a production server has them: clock control off, its default. */
    private final SweepResource resource = new SweepResource();

    SweepResourceTest() {
        resource.settings = new LicensingSettings();
    }

    @Test
    void withoutClockControlNoSweepCanBeRunFromOutside() {
        var expiry = assertThrows(LicensingException.class, () -> resource.expiry("MIKO-ANY"));
        assertEquals(Failure.NOT_FOUND, expiry.failure());
        var silent = assertThrows(LicensingException.class, () -> resource.silentHosts("MIKO-ANY"));
        assertEquals(Failure.NOT_FOUND, silent.failure());
    }
}
