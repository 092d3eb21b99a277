package org.pbxlicensing.perf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The database password of the seeder and the benchmark: the one given, else the embedded database's
 * generated password, read from its data folder as the scripts read it.
 */
final class DatabasePassword {

    private DatabasePassword() {
    }

    static String of(String given, String passwordFile) {
        if (given != null && !given.isEmpty()) {
            return given;
        }
        try {
            return Files.readString(Path.of(passwordFile)).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("No database password given and none in " + passwordFile
                    + " (the run command's embedded database writes it at its first start)", e);
        }
    }
}
