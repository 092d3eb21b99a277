package org.pbxlicensing.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;

/** Working folders of the fault tests' own servers and databases, under {@code target/faults}. */
public final class FaultDirectories {

    private FaultDirectories() {
    }

    /** An empty folder of that name (emptied if a previous run left it behind). */
    public static Path fresh(String name) {
        Path dir = Path.of(System.getProperty("it.fault.dir", "target/faults")).toAbsolutePath().resolve(name);
        try {
            if (Files.exists(dir)) {
                try (var paths = Files.walk(dir)) {
                    paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                }
            }
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
