package org.pbxlicensing.perf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * The CPU time a process has used so far (user and system, Linux {@code /proc}), if its pid was given:
 * per request, a figure that moves much less with how fast the machine runs that day than requests
 * per second do.
 */
final class ProcessCpu {

    /** Linux reports CPU times in ticks of 1/100 s on every architecture the JDK runs on. */
    private static final long MICROS_PER_TICK = 10_000;

    private final Path stat;

    ProcessCpu(String pid) {
        this.stat = pid == null || pid.isBlank() ? null : Path.of("/proc", pid.trim(), "stat");
    }

    static ProcessCpu self() {
        return new ProcessCpu(Long.toString(ProcessHandle.current().pid()));
    }

    OptionalLong micros() {
        if (stat == null) {
            return OptionalLong.empty();
        }
        try {
            String line = Files.readString(stat);
            // The command name, in parentheses, may hold spaces: the fields are counted after it.
            String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
            long userTicks = Long.parseLong(fields[11]);
            long systemTicks = Long.parseLong(fields[12]);
            return OptionalLong.of((userTicks + systemTicks) * MICROS_PER_TICK);
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }
}
