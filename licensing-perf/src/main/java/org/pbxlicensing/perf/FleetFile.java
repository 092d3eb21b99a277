package org.pbxlicensing.perf;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * What the seeder made, one registration a line: {@code kind;number;spare seats;host,host,…}. Kind
 * {@code F} is the fleet (hosts bound), {@code A} a registration kept for activations of new hosts.
 */
final class FleetFile {

    static final String FLEET = "F";
    static final String ACTIVATION = "A";

    /** A bound host and its registration. */
    record BoundHost(String registrationNumber, String hostId) {
    }

    /** A registration with seats left to bind. */
    record SpareSeats(String registrationNumber, int seats) {
    }

    final List<BoundHost> boundHosts = new ArrayList<>();
    final List<SpareSeats> fleetWithSpareSeats = new ArrayList<>();
    final List<SpareSeats> activationTargets = new ArrayList<>();
    long registrations;

    static String line(String kind, String number, int spareSeats, String[] hosts) {
        return kind + ';' + number + ';' + spareSeats + ';' + String.join(",", hosts) + '\n';
    }

    /**
     * Reads the file, keeping a uniform sample of at most {@code maxHosts} bound hosts (reservoir
     * sampling) and the first fleet registrations with spare seats, enough for {@code spareSeats} seats.
     */
    static FleetFile read(Path file, int maxHosts, long spareSeats, Random random) throws IOException {
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
                for (String host : parts[3].split(",")) {
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
