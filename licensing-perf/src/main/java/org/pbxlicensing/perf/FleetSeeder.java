package org.pbxlicensing.perf;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.pbxlicensing.domain.coupon.CouponCode;
import org.pbxlicensing.domain.licensev2.InstallId;
import org.pbxlicensing.domain.registration.RegistrationNumber;

/**
 * Fills a migrated database with a fleet: N registrations with valid numbers, each with a license of
 * feature 33 (a running trial for 30 %, perpetual with two spare seats for the rest) bound to 1–3
 * hosts, a term license of feature 31 from an activated coupon for every tenth, the first host of the
 * first M registrations a LicenseV2 installation with a key of its own; plus one registration
 * in a hundred with a large license for the benchmark's activations of new hosts. Rows go in as
 * multi-row INSERTs with explicit ids, a transaction per chunk. The numbers and hosts made are written
 * to the fleet file (see {@link FleetFile}) that the benchmark reads.
 */
public final class FleetSeeder {

    static final int FEATURE_PBX = 33;
    static final int FEATURE_CALL_LOG = 31;
    static final int ACTIVATION_SEATS = 1000;
    private static final int CHUNK = 2000;
    private static final int LICENSES_PER_REGISTRATION = 2;
    private static final int BINDINGS_PER_REGISTRATION = 4;
    private static final DateTimeFormatter SQL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    private final Connections connections;
    private final Connection db;
    private final SecureRandom secureRandom = new SecureRandom();
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    private final String run = Long.toString(now.getEpochSecond(), 36);
    private final Set<String> codesMade = ConcurrentHashMap.newKeySet();
    private final AtomicInteger done = new AtomicInteger();
    private long firstRegistration;
    private long firstLicense;
    private long firstBinding;
    private long firstCoupon;
    private long couponBatch;
    private int installations;

    /** Opens connections to the database to seed. */
    interface Connections {
        Connection open() throws SQLException;
    }

    private FleetSeeder(Connections connections) throws SQLException {
        this.connections = connections;
        this.db = connections.open();
    }

    public static void main(String[] args) throws Exception {
        String url = System.getProperty("seed.db.url");
        int registrations = Integer.parseInt(System.getProperty("seed.registrations", "10000"));
        Path fleetFile = Path.of(System.getProperty("fleet.file", "fleet.txt"));
        int threads = Integer.parseInt(System.getProperty("seed.threads", "3"));
        String installationsProperty = System.getProperty("seed.installations", "");
        int installations = installationsProperty.isBlank() ? registrations : Integer.parseInt(installationsProperty);
        String jdbcUrl = url + (url.contains("?") ? "&" : "?") + "sslMode=disable";
        String password = DatabasePassword.of(System.getProperty("seed.db.password"),
                System.getProperty("seed.db.password-file"));
        new FleetSeeder(() -> DriverManager.getConnection(jdbcUrl, System.getProperty("seed.db.user"), password))
                .seed(registrations, installations, threads, fleetFile);
    }

    private void seed(int registrations, int installations, int threads, Path fleetFile) throws Exception {
        requireMigratedSchema();
        this.installations = installations;
        // Each registration gets a block of ids of its own, so that chunks can be written in parallel.
        firstRegistration = nextId("registration");
        firstLicense = nextId("license");
        firstBinding = nextId("host_binding");
        firstCoupon = nextId("coupon");
        couponBatch = createCouponBatch();
        int activationTargets = Math.max(10, registrations / 100);
        Files.createDirectories(fleetFile.toAbsolutePath().getParent());
        long started = System.nanoTime();
        ExecutorService writers = Executors.newFixedThreadPool(threads);
        ThreadLocal<Connection> connection = ThreadLocal.withInitial(this::seedingConnection);
        try (BufferedWriter fleet = Files.newBufferedWriter(fleetFile)) {
            List<Future<?>> chunks = new ArrayList<>();
            for (int first = 0; first < registrations; first += CHUNK) {
                int from = first;
                int size = Math.min(CHUNK, registrations - from);
                chunks.add(writers.submit(() -> {
                    new Chunk(from, connection.get()).write(size, fleet, false);
                    int total = done.addAndGet(size);
                    if (total % 50_000 < size || total == registrations) {
                        double seconds = (System.nanoTime() - started) / 1e9;
                        System.out.printf("%,d of %,d registrations (%.0f s, %,.0f per second)%n",
                                total, registrations, seconds, total / seconds);
                    }
                    return null;
                }));
            }
            for (int first = 0; first < activationTargets; first += CHUNK) {
                int from = registrations + first;
                int size = Math.min(CHUNK, activationTargets - first);
                chunks.add(writers.submit(() -> {
                    new Chunk(from, connection.get()).write(size, fleet, true);
                    return null;
                }));
            }
            for (Future<?> chunk : chunks) {
                chunk.get();
            }
        } finally {
            writers.shutdown();
        }
        try (Statement statement = db.createStatement()) {
            statement.execute("UPDATE coupon_batch SET requested_count = (SELECT COUNT(*) FROM coupon WHERE batch_id = "
                    + couponBatch + "), minted_count = requested_count WHERE id = " + couponBatch);
        }
        System.out.printf("Seeded %,d registrations, %,d of them with a LicenseV2 installation, and %,d activation"
                + " targets in %.0f s; fleet file %s%n", registrations, Math.min(installations, registrations),
                activationTargets, (System.nanoTime() - started) / 1e9, fleetFile.toAbsolutePath());
    }

    private Connection seedingConnection() {
        try {
            Connection connection = connections.open();
            try (Statement session = connection.createStatement()) {
                // Every id is given and every number is unique by construction; the checks would only cost time.
                session.execute("SET SESSION foreign_key_checks = 0, unique_checks = 0");
            }
            connection.setAutoCommit(false);
            return connection;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot connect to the database: " + e.getMessage(), e);
        }
    }

    private void requireMigratedSchema() throws SQLException {
        try (Statement statement = db.createStatement();
                var rows = statement.executeQuery("SELECT COUNT(*) FROM information_schema.tables"
                        + " WHERE table_schema = DATABASE() AND table_name IN ('registration', 'licensev2_installation')")) {
            rows.next();
            if (rows.getInt(1) < 2) {
                throw new IllegalStateException("The schema is not migrated: start the server once against this database first");
            }
        }
    }

    private long nextId(String table) throws SQLException {
        try (Statement statement = db.createStatement();
                var rows = statement.executeQuery("SELECT COALESCE(MAX(id), 0) + 1 FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private long createCouponBatch() throws SQLException {
        try (Statement statement = db.createStatement()) {
            statement.executeUpdate("INSERT INTO coupon_batch (origin, reference, note, feature_number, seats, term_months,"
                    + " requested_count, minted_count, created_by, created_at, completed_at) VALUES ('STAFF', 'fleet-seed-"
                    + run + "', 'seeded fleet', 31, 1, 12, 0, 0, 'seeder', " + time(now) + ", " + time(now) + ")",
                    Statement.RETURN_GENERATED_KEYS);
            var keys = statement.getGeneratedKeys();
            keys.next();
            return keys.getLong(1);
        }
    }

    /** One transaction's worth of registrations with everything that hangs on them. */
    private final class Chunk {

        private final int firstIndex;
        private final Connection db;
        private final Random random;
        private final Rows registrationRows = new Rows("INSERT INTO registration (id, number, company, contact_person,"
                + " email, language, consent_at, created_at) VALUES ");
        private final Rows emailRows = new Rows("INSERT IGNORE INTO email_owner (email, company_key, created_at) VALUES ");
        private final Rows licenseRows = new Rows("INSERT INTO license (id, registration_id, feature_number, kind, seats,"
                + " starts_at, ends_at, source, source_ref, created_at) VALUES ");
        private final Rows registrationTrialRows = new Rows(
                "INSERT INTO registration_trial (registration_id, feature_number, license_id, created_at) VALUES ");
        private final Rows hostTrialRows = new Rows(
                "INSERT INTO host_trial (host_id, feature_number, registration_id, created_at) VALUES ");
        private final Rows bindingRows = new Rows("INSERT INTO host_binding (id, license_id, registration_id, feature_number,"
                + " host_id, host_name, os, product_version, ip, bound_at, last_seen_at) VALUES ");
        private final Rows installationRows = new Rows("INSERT INTO licensev2_installation (install_id, pubkey,"
                + " registration_id, host_id, state, last_seq, app_id, app_version, environment, fingerprint,"
                + " first_seen_at, last_seen_at) VALUES ");
        private final Rows couponRows = new Rows("INSERT INTO coupon (id, code, batch_id, position, feature_number, seats,"
                + " term_months, state, created_at, activated_registration_id, activated_at, activated_client, license_id)"
                + " VALUES ");

        Chunk(int firstIndex, Connection db) {
            this.firstIndex = firstIndex;
            this.db = db;
            this.random = new Random(firstIndex);
        }

        void write(int size, BufferedWriter fleet, boolean activationTargets) throws SQLException, IOException {
            StringBuilder lines = new StringBuilder();
            for (int i = 0; i < size; i++) {
                int index = firstIndex + i;
                long registration = firstRegistration + index;
                long pbxLicense = firstLicense + LICENSES_PER_REGISTRATION * (long) index;
                long coupon = firstCoupon + index;
                long firstBindingOfRegistration = firstBinding + BINDINGS_PER_REGISTRATION * (long) index;
                String number = unique(() -> RegistrationNumber.generate(secureRandom).value());
                String email = "fleet-" + run + "-" + index + "@fleet.example";
                Instant created = now.minus(random.nextInt(700), ChronoUnit.DAYS);
                registrationRows.add(registration, text(number), text("Fleet company " + index),
                        text("Fleet contact " + index), text(email), text(index % 2 == 0 ? "ru" : "en"),
                        time(created), time(created));
                emailRows.add(text(email), text("fleet company " + index), time(created));
                if (activationTargets) {
                    licenseRows.add(pbxLicense, registration, FEATURE_PBX, text("PERPETUAL"), ACTIVATION_SEATS,
                            time(created), "NULL", text("STAFF"), "NULL", time(created));
                    lines.append(FleetFile.line(FleetFile.ACTIVATION, number, ACTIVATION_SEATS, new String[0], null));
                    continue;
                }
                boolean trial = random.nextInt(10) < 3;
                int hosts = trial ? 1 : 1 + random.nextInt(3);
                if (trial) {
                    Instant started = now.minus(random.nextInt(29), ChronoUnit.DAYS);
                    licenseRows.add(pbxLicense, registration, FEATURE_PBX, text("TRIAL"), 1, time(started),
                            time(started.plus(30, ChronoUnit.DAYS)), text("REGISTRATION"), "NULL", time(started));
                    registrationTrialRows.add(registration, FEATURE_PBX, pbxLicense, time(started));
                } else {
                    licenseRows.add(pbxLicense, registration, FEATURE_PBX, text("PERPETUAL"), hosts + 2, time(created),
                            "NULL", text("STAFF"), "NULL", time(created));
                }
                Long callLog = null;
                if (random.nextInt(10) == 0) {
                    callLog = pbxLicense + 1;
                    String code = unique(() -> CouponCode.generate(secureRandom).value());
                    licenseRows.add(callLog, registration, FEATURE_CALL_LOG, text("TERM"), 1, time(created),
                            time(created.plus(365, ChronoUnit.DAYS)), text("COUPON"), text(code), time(created));
                    couponRows.add(coupon, text(code), couponBatch, index, FEATURE_CALL_LOG, 1, 12, text("ACTIVATED"),
                            time(created), registration, time(created), text("127.0.0.1"), callLog);
                }
                long nextBinding = firstBindingOfRegistration;
                String[] hostIds = new String[hosts];
                byte[] installationSeed = null;
                for (int h = 0; h < hosts; h++) {
                    String host = "fleet-" + run + "-" + index + "-" + h;
                    Instant bound = created.plus(h, ChronoUnit.HOURS);
                    Instant seen = now.minus(random.nextInt(600), ChronoUnit.SECONDS);
                    if (h == 0 && index < installations) {
                        installationSeed = new byte[32];
                        secureRandom.nextBytes(installationSeed);
                        var installation = new V2Installation(number, installationSeed, 0);
                        host = InstallId.hostId(installation.installId());
                        installationRows.add(text(installation.installId()), text(installation.pem()), registration,
                                text(host), text("ACTIVE"), 0, text("mikopbx"), text("2026.1.1"), text("vm"),
                                text(installation.fingerprint()), time(bound), time(seen));
                    }
                    hostIds[h] = host;
                    binding(nextBinding++, pbxLicense, registration, FEATURE_PBX, host, bound, seen);
                    if (trial) {
                        hostTrialRows.add(text(host), FEATURE_PBX, registration, time(bound));
                    }
                    if (callLog != null && h == 0) {
                        binding(nextBinding++, callLog, registration, FEATURE_CALL_LOG, host, bound, seen);
                    }
                }
                lines.append(FleetFile.line(FleetFile.FLEET, number, trial ? 0 : 2, hostIds, installationSeed));
            }
            try (Statement statement = db.createStatement()) {
                for (Rows rows : new Rows[] {registrationRows, emailRows, licenseRows, registrationTrialRows,
                        hostTrialRows, bindingRows, installationRows, couponRows}) {
                    rows.execute(statement);
                }
            }
            db.commit();
            synchronized (fleet) {
                fleet.write(lines.toString());
            }
        }

        private void binding(long id, long license, long registration, int feature, String host, Instant bound, Instant seen) {
            bindingRows.add(id, license, registration, feature, text(host), text("pbx-" + host),
                    text("MikoPBX 2024.1"), text("2024.1.114"), text("10.0.0.1"), time(bound), time(seen));
        }
    }

    /** A generated code never made before in this run (the database's unique checks are off). */
    private String unique(Supplier<String> generator) {
        while (true) {
            String code = generator.get();
            if (codesMade.add(code)) {
                return code;
            }
        }
    }

    private static String text(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    private static String time(Instant instant) {
        return "'" + SQL_TIME.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC)) + "'";
    }

    /** The VALUES of one multi-row INSERT. */
    private static final class Rows {

        private final String insert;
        private final StringBuilder values = new StringBuilder();

        Rows(String insert) {
            this.insert = insert;
        }

        void add(Object... columns) {
            values.append(values.isEmpty() ? "(" : ",(");
            for (int i = 0; i < columns.length; i++) {
                if (i > 0) {
                    values.append(',');
                }
                values.append(columns[i]);
            }
            values.append(')');
        }

        void execute(Statement statement) throws SQLException {
            if (!values.isEmpty()) {
                statement.executeUpdate(insert + values);
                values.setLength(0);
            }
        }
    }
}
