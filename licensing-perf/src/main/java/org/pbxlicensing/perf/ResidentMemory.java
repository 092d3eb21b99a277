package org.pbxlicensing.perf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;

/** Samples the resident memory of the server process (Linux {@code /proc}), if its pid was given. */
final class ResidentMemory {

    private final Path status;
    private final AtomicLong peakKiB = new AtomicLong();

    ResidentMemory(String pid) {
        this.status = pid == null || pid.isBlank() ? null : Path.of("/proc", pid.trim(), "status");
        if (status != null) {
            Thread sampler = new Thread(this::sample, "rss-sampler");
            sampler.setDaemon(true);
            sampler.start();
        }
    }

    void reset() {
        peakKiB.set(0);
    }

    OptionalLong peakMiB() {
        return status == null ? OptionalLong.empty() : OptionalLong.of(peakKiB.get() / 1024);
    }

    private void sample() {
        while (true) {
            try {
                for (String line : Files.readAllLines(status)) {
                    if (line.startsWith("VmRSS:")) {
                        long kib = Long.parseLong(line.replaceAll("\\D", ""));
                        peakKiB.accumulateAndGet(kib, Math::max);
                    }
                }
                Thread.sleep(250);
            } catch (IOException | InterruptedException e) {
                return;
            }
        }
    }
}
