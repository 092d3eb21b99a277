package org.pbxlicensing.domain.eula;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.pbxlicensing.domain.eula.EulaVersionTest.version;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EulaStatusTest {

    private static final Instant PUBLISHED = Instant.parse("2026-01-01T00:00:00Z");
    private final EulaVersion pbx = version("1.0", PUBLISHED);
    private final EulaVersion cfe = version("3.2", PUBLISHED);

    @Test
    void aVersionNotYetAcceptedIsRequired() {
        assertEquals(new EulaStatus(true, "1.0"), EulaStatus.of(List.of(pbx), v -> false));
    }

    @Test
    void onceAcceptedItIsNoLongerRequiredButStillNamed() {
        assertEquals(new EulaStatus(false, "1.0"), EulaStatus.of(List.of(pbx), v -> true));
    }

    @Test
    void theFirstPendingVersionIsTheOneToAccept() {
        assertEquals(new EulaStatus(true, "3.2"), EulaStatus.of(List.of(pbx, cfe), Set.of(pbx)::contains));
    }

    @Test
    void aHostWithoutAgreementsHasNothingToAccept() {
        assertEquals(EulaStatus.NONE, EulaStatus.of(List.of(), v -> false));
    }
}
