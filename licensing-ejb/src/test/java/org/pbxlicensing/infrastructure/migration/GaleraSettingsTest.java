package org.pbxlicensing.infrastructure.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GaleraSettingsTest {

    private static Map<String, String> wellConfiguredMember() {
        Map<String, String> variables = new HashMap<>();
        variables.put("wsrep_on", "ON");
        variables.put("binlog_format", "ROW");
        variables.put("innodb_autoinc_lock_mode", "2");
        variables.put("log_bin", "ON");
        variables.put("log_bin_trust_function_creators", "ON");
        variables.put("wsrep_sync_wait", "1");
        return variables;
    }

    @Test
    void aServerThatIsNoGaleraMemberNeedsNothing() {
        assertTrue(GaleraSettings.missing(Map.of("wsrep_on", "OFF", "binlog_format", "MIXED"), true).isEmpty());
        assertTrue(GaleraSettings.missing(Map.of(), true).isEmpty());
    }

    @Test
    void aMemberConfiguredAsDocumentedWithTextStatementsNeedsNothing() {
        assertEquals(List.of(), GaleraSettings.missing(wellConfiguredMember(), false));
    }

    @Test
    void serverPreparedStatementsOnAGaleraMemberAreReported() {
        var missing = GaleraSettings.missing(wellConfiguredMember(), true);

        assertEquals(1, missing.size());
        assertTrue(missing.get(0).startsWith("LICENSING_DB_SERVER_PREPARED_STATEMENTS=false"));
    }

    @Test
    void eachMissingMemberSettingIsReported() {
        var variables = wellConfiguredMember();
        variables.put("binlog_format", "MIXED");
        variables.put("innodb_autoinc_lock_mode", "1");
        variables.put("log_bin_trust_function_creators", "OFF");
        variables.put("wsrep_sync_wait", "0");

        var missing = GaleraSettings.missing(variables, false);

        assertEquals(4, missing.size());
        assertTrue(missing.get(0).startsWith("binlog_format=ROW (the member has MIXED)"));
        assertTrue(missing.get(2).startsWith("log_bin_trust_function_creators=1"));
        assertTrue(missing.get(3).startsWith("wsrep_sync_wait=1"));
    }

    @Test
    void withoutABinaryLogTriggersNeedNoTrust() {
        var variables = wellConfiguredMember();
        variables.put("log_bin", "OFF");
        variables.put("log_bin_trust_function_creators", "OFF");

        assertEquals(List.of(), GaleraSettings.missing(variables, false));
    }

    @Test
    void causalReadsCombinedWithOtherSyncWaitBitsAreEnough() {
        var variables = wellConfiguredMember();
        variables.put("wsrep_sync_wait", "15");

        assertEquals(List.of(), GaleraSettings.missing(variables, false));
    }
}
