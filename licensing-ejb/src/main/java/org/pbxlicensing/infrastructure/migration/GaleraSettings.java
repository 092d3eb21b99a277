package org.pbxlicensing.infrastructure.migration;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The settings a Galera member and the nodes that write to it need, compared with what a member
 * reports. A server without {@code wsrep_on} is not a Galera member and needs none of them.
 */
public final class GaleraSettings {

    /** {@code wsrep_sync_wait} bit for reads: a read waits until the member applied what the cluster committed before it. */
    private static final int SYNC_WAIT_READS = 1;

    private GaleraSettings() {
    }

    /**
     * @param variables the member's variables by lower-case name ({@code SHOW GLOBAL VARIABLES})
     * @param serverPreparedStatements whether this node prepares its statements on the server
     * @return what is missing, one line each, empty when all is well or the server is no Galera member
     */
    public static List<String> missing(Map<String, String> variables, boolean serverPreparedStatements) {
        List<String> missing = new ArrayList<>();
        if (!"ON".equalsIgnoreCase(variables.getOrDefault("wsrep_on", "OFF"))) {
            return missing;
        }
        expect(missing, variables, "binlog_format", "ROW");
        expect(missing, variables, "innodb_autoinc_lock_mode", "2");
        if (isOn(variables.get("log_bin")) && !isOn(variables.get("log_bin_trust_function_creators"))) {
            missing.add("log_bin_trust_function_creators=1 (the schema's triggers, created without SUPER on a server with a binary log)");
        }
        if ((parse(variables.get("wsrep_sync_wait")) & SYNC_WAIT_READS) == 0) {
            missing.add("wsrep_sync_wait=1 (a check on one node must see a change committed through another member)");
        }
        if (serverPreparedStatements) {
            missing.add("LICENSING_DB_SERVER_PREPARED_STATEMENTS=false on every node (statements as text, not the binary protocol)");
        }
        return missing;
    }

    private static void expect(List<String> missing, Map<String, String> variables, String name, String value) {
        if (!value.equalsIgnoreCase(variables.getOrDefault(name, ""))) {
            missing.add(name + "=" + value + " (the member has " + variables.getOrDefault(name, "nothing") + ")");
        }
    }

    private static boolean isOn(String value) {
        return "ON".equalsIgnoreCase(value) || "1".equals(value);
    }

    private static int parse(String number) {
        try {
            return number == null ? 0 : Integer.parseInt(number.trim());
        } catch (NumberFormatException notANumber) {
            return 0;
        }
    }
}
