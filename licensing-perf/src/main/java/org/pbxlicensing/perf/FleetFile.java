package org.pbxlicensing.perf;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.HexFormat;
import java.util.Random;
import org.pbxlicensing.domain.licensev2.InstallId;

/**
 * What the seeder made, one registration a line: {@code kind;number;spare seats;host,host,…;seed}. Kind
 * {@code F} is the fleet (hosts bound), {@code A} a registration kept for activations of new hosts.
 * The seed, when there is one, is the hex private key of the LicenseV2 installation that is the
 * registration's first host.
 */
final class FleetFile {

    static final String FLEET = "F";
    static final String ACTIVATION = "A";

    /** A bound host and its registration. */
    record BoundHost(String registrationNumber, String hostId) {
    }

    /** A LicenseV2 installation the seeder bound: its registration and its private key's seed. */
    record SeededInstallation(String registrationNumber, byte[] seed) {
    }

    /** A registration with seats left to bind. */
    record SpareSeats(String registrationNumber, int seats) {
    }

    final List<BoundHost> boundHosts = new ArrayList<>();
    final List<SpareSeats> fleetWithSpareSeats = new ArrayList<>();
    final List<SpareSeats> activationTargets = new ArrayList<>();
    final List<SeededInstallation> installations = new ArrayList<>();
    long registrations;

    static String line(String kind, String number, int spareSeats, String[] hosts, byte[] installationSeed) {
        return kind + ';' + number + ';' + spareSeats + ';' + String.join(",", hosts) + ';'
                + (installationSeed == null ? "" : HexFormat.of().formatHex(installationSeed)) + '\n';
    }

    /**
     * Reads the file, keeping a uniform sample of at most {@code maxHosts} bound hosts (reservoir
     * sampling) of hosts that are not installations, the first fleet registrations with spare seats,
     * enough for {@code spareSeats} seats, and the first {@code maxInstallations} seeded installations.
     */
    static FleetFile read(Path file, int maxHosts, long spareSeats, int maxInstallations, Random random)
            throws IOException {
        long spareKept = 0;
        FleetFile fleet = new FleetFile();
        long hostsSeen = 0;
        try (BufferedReader reader = Files.newBufferedReader(file)) {
            String line;
            while ((line = reader.readLine()) != null) {
                String[] parts = line.split(";", -1);
                fleet.registrations++;
                int spare = Integer.parseInt(parts[2]);
                if (ACTIVATION.equals(parts[0])) {
                    fleet.activationTargets.add(new SpareSeats(parts[1], spare));
                    continue;
                }
                if (spare > 0 && spareKept < spareSeats) {
                    fleet.fleetWithSpareSeats.add(new SpareSeats(parts[1], spare));
                    spareKept += spare;
                }
                if (parts.length > 4 && !parts[4].isEmpty() && fleet.installations.size() < maxInstallations) {
                    fleet.installations.add(new SeededInstallation(parts[1], HexFormat.of().parseHex(parts[4])));
                }
                for (String host : parts[3].split(",")) {
                    if (host.startsWith(InstallId.HOST_ID_PREFIX)) {
                        continue;
                    }
                    hostsSeen++;
                    var bound = new BoundHost(parts[1], host);
                    if (fleet.boundHosts.size() < maxHosts) {
                        fleet.boundHosts.add(bound);
                    } else {
                        long slot = (long) (random.nextDouble() * hostsSeen);
                        if (slot < maxHosts) {
                            fleet.boundHosts.set((int) slot, bound);
                        }
                    }
                }
            }
        }
        return fleet;
    }
}
