package org.pbxlicensing.perf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/** The CPU time a process has used so far (user and system, Linux {@code /proc}), if its pid was given. */
final class ProcessCpu {

    /** Linux reports CPU times in clock ticks (USER_HZ), 1/100 s on x86 and ARM. */
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
