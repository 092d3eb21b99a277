package org.pbxlicensing.perf;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The CPU time that the server, its database and the load generator each spent per request of a
 * scenario, in microseconds, for the processes whose pids are known (the load generator's always is).
 */
final class CpuPerRequest {

    private final Map<String, ProcessCpu> processes = new LinkedHashMap<>();
    private final Map<String, Long> before = new LinkedHashMap<>();

    CpuPerRequest(String serverPid, String databasePid) {
        processes.put("server", new ProcessCpu(serverPid));
        processes.put("database", new ProcessCpu(databasePid));
        processes.put("loadGenerator", ProcessCpu.self());
    }

    void start() {
        before.clear();
        processes.forEach((name, process) -> process.micros().ifPresent(micros -> before.put(name, micros)));
    }

    /** Microseconds per request by process, for those measured. */
    Map<String, Double> perRequest(long requests) {
        Map<String, Double> figures = new LinkedHashMap<>();
        before.forEach((name, start) -> {
            OptionalLong end = processes.get(name).micros();
            if (end.isPresent()) {
                figures.put(name, (end.getAsLong() - start) / (double) Math.max(1, requests));
            }
        });
        return figures;
    }
}
