package org.pbxlicensing.perf;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.pbxlicensing.domain.json.JsonBuilders;
import org.pbxlicensing.perf.HttpConnection.Answer;
import org.pbxlicensing.perf.HttpConnection.Request;

/**
 * Runs the scenarios against a running server, one after the other with the same number of
 * connections, so their figures compare: the trivial ping (the ceiling of the stack), checks of
 * bound hosts, LicenseV2 entitlement polls and activations of new hosts, and checks and polls at a
 * fixed rate, as a fleet of a given size sends them. Writes {@code results.json}
 * and {@code results.md} to the output folder.
 */
public final class LoadBenchmark {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int ACTIVATION_TARGETS = 200;
    /** Long enough for 100 000 hosts on a server whose JIT compiler has not started yet. */
    private static final int SWEEP_SECONDS = 900;
    /** More polls a second than two cores answer, so a closed loop does not run out of signed polls. */
    private static final int PRESIGNED_POLLS_PER_SECOND = 4000;
    private static final String ALL_SCENARIOS = "ping,check,check-rate,entitlement,entitlement-rate,activation";

    private final String baseUrl;
    private final URI base;
    private final int connections;
    private final int checkRate;
    private final int entitlementRate;
    private final int installationCount;
    private final String run = Long.toString(System.currentTimeMillis(), 36);
    private final ResidentMemory serverMemory;
    private final DatabaseStatements statements;
    private final CpuPerRequest cpu;

    private LoadBenchmark(String baseUrl, int connections, int checkRate, int entitlementRate, int installationCount,
            ResidentMemory serverMemory, DatabaseStatements statements, CpuPerRequest cpu) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.base = URI.create(this.baseUrl);
        this.connections = connections;
        this.checkRate = checkRate;
        this.entitlementRate = entitlementRate;
        this.installationCount = installationCount;
        this.serverMemory = serverMemory;
        this.statements = statements;
        this.cpu = cpu;
    }

    public static void main(String[] args) throws Exception {
        String baseUrl = System.getProperty("bench.base-url", "http://localhost:8080/licensing");
        int connections = Integer.parseInt(System.getProperty("bench.connections", "64"));
        int seconds = Integer.parseInt(System.getProperty("bench.seconds", "30"));
        int warmup = Integer.parseInt(System.getProperty("bench.warmup-seconds", "60"));
        int checkRate = Integer.parseInt(System.getProperty("bench.check-rate", "170"));
        int entitlementRate = Integer.parseInt(System.getProperty("bench.entitlement-rate", "170"));
        String installationsProperty = System.getProperty("bench.installations", "");
        int installationCount = installationsProperty.isBlank() ? connections * 4
                : Integer.parseInt(installationsProperty);
        Set<String> scenarios = Set.of(System.getProperty("bench.scenarios", ALL_SCENARIOS).split(","));
        Path output = Path.of(System.getProperty("bench.output", "benchmark"));
        Path fleetFile = Path.of(System.getProperty("fleet.file", "fleet.txt"));
        FleetFile fleet = FleetFile.read(fleetFile, 100_000, installationCount, installationCount, new Random(7));
        System.out.printf("Fleet file %s: %,d registrations; %,d bound hosts sampled, %,d LicenseV2 installations,"
                + " %,d activation targets%n", fleetFile, fleet.registrations, fleet.boundHosts.size(),
                fleet.installations.size(), fleet.activationTargets.size());
        String serverPid = System.getProperty("bench.server-pid", "");
        var memory = new ResidentMemory(serverPid);
        var cpu = new CpuPerRequest(serverPid, System.getProperty("bench.db-pid", ""));
        var statements = new DatabaseStatements(System.getProperty("bench.db-url"), System.getProperty("bench.db-user"),
                System.getProperty("bench.db-password"), System.getProperty("seed.db.password-file"));
        new LoadBenchmark(baseUrl, connections, checkRate, entitlementRate, installationCount, memory, statements, cpu)
                .run(fleet, scenarios, seconds, warmup, output);
    }

    private void run(FleetFile fleet, Set<String> chosen, int seconds, int warmup, Path output) throws Exception {
        if (fleet.boundHosts.isEmpty() || fleet.activationTargets.isEmpty()) {
            throw new IllegalStateException("The fleet file holds no bound hosts or no activation targets: seed first");
        }
        Scenario ping = new Ping();
        Checks checks = new Checks(fleet.boundHosts);
        Entitlements entitlements = new Entitlements(installations(fleet));
        // Few registrations, so that concurrent activations meet on them: that is where seats could be over-allocated.
        Activations activations = new Activations(
                fleet.activationTargets.subList(0, Math.min(ACTIVATION_TARGETS, fleet.activationTargets.size())));
        // A node that has served its fleet for one poll interval has read every host's state once: so has this one.
        ScenarioResult sweep = measure(checks.eachHostOnce(), SWEEP_SECONDS);
        System.out.printf("Checked each of the %,d sampled hosts once: %,.0f/s, p50 %.2f ms, p99 %.2f ms, errors %,d%n",
                sweep.ok() + sweep.errors(), sweep.throughput(), sweep.p50Millis(), sweep.p99Millis(), sweep.errors());
        // The server's JIT compiler needs a minute or so of this traffic on two cores before the figures settle.
        System.out.printf("Warming up for %d s%n", warmup);
        List<Scenario> warmed = List.of(ping, checks, entitlements, activations);
        for (Scenario scenario : warmed) {
            measure(scenario, Math.max(1, warmup / warmed.size()));
        }
        List<ScenarioResult> results = new ArrayList<>();
        Map<String, Long> rssMiB = new LinkedHashMap<>();
        Map<String, DatabaseStatements.PerRequest> statementsPerRequest = new LinkedHashMap<>();
        Map<String, Map<String, Double>> cpuPerRequest = new LinkedHashMap<>();
        List<Step> steps = List.of(new Step("ping", ping, 0), new Step("check", checks, 0),
                new Step("check-rate", checks, checkRate), new Step("entitlement", entitlements, 0),
                new Step("entitlement-rate", entitlements, entitlementRate), new Step("activation", activations, 0));
        for (Step step : steps) {
            if (!step.key().equals("ping") && !chosen.contains(step.key())) {
                continue;
            }
            if (step.scenario() == entitlements) {
                // PBXs sign their polls on their own machines: signed before the clock starts, so that the
                // load generator does not take the cores the server is measured on.
                entitlements.presign(step.rate() > 0 ? step.rate() * seconds + connections
                        : PRESIGNED_POLLS_PER_SECOND * seconds);
            }
            serverMemory.reset();
            statements.start();
            cpu.start();
            ScenarioResult result = step.rate() > 0 ? measureAtRate(step.scenario(), seconds, step.rate())
                    : measure(step.scenario(), seconds);
            results.add(result);
            long requests = result.ok() + result.refused() + result.errors();
            cpuPerRequest.put(result.name(), cpu.perRequest(requests));
            serverMemory.peakMiB().ifPresent(peak -> rssMiB.put(result.name(), peak));
            if (statements.enabled()) {
                statementsPerRequest.put(result.name(),
                        statements.perRequest(requests));
            }
            System.out.printf("%-18s %,9.0f/s  p50 %6.2f ms  p95 %6.2f ms  p99 %6.2f ms  ok %,d  refused %,d  errors %,d%n",
                    result.name(), result.throughput(), result.p50Millis(), result.p95Millis(), result.p99Millis(),
                    result.ok(), result.refused(), result.errors());
        }
        long overAllocated = activations.overAllocation();
        var report = new BenchmarkReport(baseUrl, connections, seconds, fleet.registrations,
                entitlements.installations.size(), results, rssMiB,
                statementsPerRequest, cpuPerRequest, overAllocated, activations.firstErrors);
        report.write(output);
        System.out.println(report.markdown());
        System.out.println("Written to " + output.toAbsolutePath());
    }

    /** A scenario run closed-loop ({@code rate} 0) or at a fixed rate of requests per second. */
    private record Step(String key, Scenario scenario, int rate) {
    }

    /**
     * The installations the seeder bound, their {@code seq} above any earlier run's; for a fleet seeded
     * without them, installations on registrations of the fleet with a spare seat (as many on one
     * registration as it has spare seats), each bound by its first poll, sent over the benchmark's connections.
     */
    private List<V2Installation> installations(FleetFile fleet) throws InterruptedException {
        if (!fleet.installations.isEmpty()) {
            long lastSeq = System.currentTimeMillis();
            List<V2Installation> seeded = fleet.installations.parallelStream()
                    .map(installation -> new V2Installation(installation.registrationNumber(), installation.seed(),
                            lastSeq))
                    .collect(java.util.stream.Collectors.toCollection(ArrayList::new));
            java.util.Collections.shuffle(seeded, new Random(run.hashCode()));
            System.out.printf("%,d LicenseV2 installations of the seeded fleet%n", seeded.size());
            return seeded;
        }
        List<String> seats = new ArrayList<>();
        for (FleetFile.SpareSeats registration : fleet.fleetWithSpareSeats) {
            for (int i = 0; i < registration.seats() && seats.size() < installationCount; i++) {
                seats.add(registration.registrationNumber());
            }
        }
        java.util.Collections.shuffle(seats, new Random(run.hashCode()));
        List<V2Installation> installations = seats.parallelStream().map(V2Installation::new).toList();
        AtomicInteger turn = new AtomicInteger();
        ScenarioResult first = run(new Scenario() {

            @Override
            public String name() {
                return "first poll of each installation";
            }

            @Override
            public Request next(int worker) {
                int index = turn.getAndIncrement();
                return index < installations.size()
                        ? Request.post("/entitlement", installations.get(index).nextPoll()) : null;
            }

            @Override
            public Outcome outcome(Request request, int status, byte[] body) {
                return status == 200 ? Outcome.OK : Outcome.ERROR;
            }
        }, "first polls", SWEEP_SECONDS * 4, 0);
        System.out.printf("%,d LicenseV2 installations, %,d bound by their first poll (%,.0f/s), %,d errors%n",
                installations.size(), first.ok(), first.throughput(), first.errors());
        return installations;
    }

    /** Closed loop: each connection sends its next request as soon as the last one is answered. */
    private ScenarioResult measure(Scenario scenario, int seconds) throws InterruptedException {
        return run(scenario, scenario.name(), seconds, 0);
    }

    /**
     * Open loop: the connections together send {@code rate} requests a second on a fixed schedule, and
     * a request's latency counts from when the schedule wanted it sent, so a slow answer that holds
     * the next request up is paid for by that one too.
     */
    private ScenarioResult measureAtRate(Scenario scenario, int seconds, int rate) throws InterruptedException {
        return run(scenario, scenario.name() + " at " + rate + "/s", seconds, rate);
    }

    private ScenarioResult run(Scenario scenario, String name, int seconds, int rate) throws InterruptedException {
        long started = System.nanoTime();
        long deadline = started + seconds * 1_000_000_000L;
        long interval = rate > 0 ? 1_000_000_000L * connections / rate : 0;
        LongAdder ok = new LongAdder();
        LongAdder refused = new LongAdder();
        LongAdder errors = new LongAdder();
        long[][] latencies = new long[connections][];
        Thread[] workers = new Thread[connections];
        for (int w = 0; w < connections; w++) {
            int worker = w;
            workers[w] = new Thread(() -> {
                long[] own = new long[4096];
                int n = 0;
                long due = started + (interval * worker) / connections;
                try (var connection = new HttpConnection(base, TIMEOUT)) {
                    while (true) {
                        if (interval > 0) {
                            sleepUntil(due);
                        }
                        long sent = interval > 0 ? due : System.nanoTime();
                        if (sent >= deadline) {
                            break;
                        }
                        Request request = scenario.next(worker);
                        if (request == null) {
                            break;
                        }
                        Answer answer = connection.exchange(request);
                        long took = System.nanoTime() - sent;
                        Scenario.Outcome outcome = answer.status() < 0 ? Scenario.Outcome.ERROR
                                : scenario.outcome(request, answer.status(), answer.body());
                        switch (outcome) {
                            case OK -> ok.increment();
                            case REFUSED -> refused.increment();
                            case ERROR -> errors.increment();
                        }
                        if (n == own.length) {
                            own = Arrays.copyOf(own, n * 2);
                        }
                        own[n++] = took;
                        due += interval;
                    }
                }
                latencies[worker] = Arrays.copyOf(own, n);
            }, name + "-" + w);
            workers[w].start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).toArray();
        return ScenarioResult.of(name, elapsed, ok.sum(), refused.sum(), errors.sum(), all);
    }

    private static void sleepUntil(long nanoTime) {
        long wait;
        while ((wait = nanoTime - System.nanoTime()) > 0) {
            java.util.concurrent.locks.LockSupport.parkNanos(wait);
        }
    }

    private Answer sendOnce(Request request) {
        try (var connection = new HttpConnection(base, TIMEOUT)) {
            return connection.exchange(request);
        }
    }

    /** {@code GET /api/v1/ping}: no database, no signing. */
    private final class Ping implements Scenario {

        private final Request request = Request.get("/api/v1/ping");

        @Override
        public String name() {
            return "ping";
        }

        @Override
        public Request next(int worker) {
            return request;
        }

        @Override
        public Outcome outcome(Request request, int status, byte[] body) {
            return status == 200 ? Outcome.OK : Outcome.ERROR;
        }
    }

    /** {@code POST /api/v1/checks} of a random bound host of the fleet. */
    private final class Checks implements Scenario {

        private final List<FleetFile.BoundHost> hosts;

        Checks(List<FleetFile.BoundHost> hosts) {
            this.hosts = hosts;
        }

        @Override
        public String name() {
            return "check";
        }

        @Override
        public Request next(int worker) {
            return check(hosts.get(ThreadLocalRandom.current().nextInt(hosts.size())));
        }

        @Override
        public Outcome outcome(Request request, int status, byte[] body) {
            return status == 200 ? Outcome.OK : Outcome.ERROR;
        }

        /** The same checks, of every host once, in turn. */
        Scenario eachHostOnce() {
            AtomicInteger turn = new AtomicInteger();
            return new Scenario() {

                @Override
                public String name() {
                    return "check, each host once";
                }

                @Override
                public Request next(int worker) {
                    int index = turn.getAndIncrement();
                    return index < hosts.size() ? check(hosts.get(index)) : null;
                }

                @Override
                public Outcome outcome(Request request, int status, byte[] body) {
                    return Checks.this.outcome(request, status, body);
                }
            };
        }

        private static Request check(FleetFile.BoundHost host) {
            return Request.post("/api/v1/checks", JsonBuilders.object()
                    .add("registrationNumber", host.registrationNumber())
                    .add("hostId", host.hostId())
                    .build().toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * {@code POST /entitlement}: each worker polls its own installations in turn, so their seq only
     * grows. Polls signed beforehand are sent first, in the order they were signed.
     */
    private final class Entitlements implements Scenario {

        final List<V2Installation> installations;
        private final int[] turn;
        private final List<java.util.ArrayDeque<byte[]>> signed = new ArrayList<>();

        Entitlements(List<V2Installation> installations) {
            this.installations = installations;
            this.turn = new int[connections];
            for (int w = 0; w < connections; w++) {
                signed.add(new java.util.ArrayDeque<>());
            }
        }

        @Override
        public String name() {
            return "entitlement";
        }

        /** Signs {@code polls} polls, shared among the workers, replacing those left from before. */
        void presign(int polls) {
            int perWorker = Math.max(1, polls / connections);
            java.util.stream.IntStream.range(0, connections).parallel().forEach(worker -> {
                signed.get(worker).clear();
                for (int i = 0; i < perWorker; i++) {
                    signed.get(worker).add(sign(worker));
                }
            });
        }

        @Override
        public Request next(int worker) {
            byte[] body = signed.get(worker).poll();
            return Request.post("/entitlement", body != null ? body : sign(worker));
        }

        private byte[] sign(int worker) {
            int own = Math.max(1, installations.size() / connections);
            int index = (worker * own + turn[worker]++ % own) % installations.size();
            return installations.get(index).nextPoll();
        }

        @Override
        public Outcome outcome(Request request, int status, byte[] body) {
            return status == 200 ? Outcome.OK : Outcome.ERROR;
        }
    }

    /** {@code POST /api/v1/activations} of a new host on one of the registrations kept for it. */
    private final class Activations implements Scenario {

        private final List<FleetFile.SpareSeats> targets;
        private final AtomicLong hosts = new AtomicLong();
        private final Map<String, Integer> seats = new ConcurrentHashMap<>();
        private final Map<String, String> used = new ConcurrentHashMap<>();
        final List<String> firstErrors = java.util.Collections.synchronizedList(new ArrayList<>());

        Activations(List<FleetFile.SpareSeats> targets) {
            this.targets = targets;
            targets.forEach(target -> seats.put(target.registrationNumber(), target.seats()));
        }

        @Override
        public String name() {
            return "activation";
        }

        @Override
        public Request next(int worker) {
            var target = targets.get(ThreadLocalRandom.current().nextInt(targets.size()));
            used.put(target.registrationNumber(), target.registrationNumber());
            String host = "bench-" + run + "-" + hosts.incrementAndGet();
            return Request.post("/api/v1/activations", JsonBuilders.object()
                    .add("registrationNumber", target.registrationNumber())
                    .add("feature", FleetSeeder.FEATURE_PBX)
                    .add("host", JsonBuilders.object().add("id", host).add("name", "bench"))
                    .build().toString().getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public Outcome outcome(Request request, int status, byte[] body) {
            if (status == 200) {
                return Outcome.OK;
            }
            if (status == 409 && new String(body, StandardCharsets.UTF_8).contains("SEATS_EXHAUSTED")) {
                return Outcome.REFUSED;
            }
            if (firstErrors.size() < 5) {
                firstErrors.add(status + " " + new String(body, StandardCharsets.UTF_8));
            }
            return Outcome.ERROR;
        }

        /** Bindings beyond the seats of each registration activated on, as the server lists them. */
        long overAllocation() {
            long over = 0;
            for (String number : used.keySet()) {
                Answer answer = sendOnce(Request.get("/api/v1/registrations/" + number + "/bindings"));
                if (answer.status() != 200) {
                    throw new IllegalStateException("Bindings of " + number + ": HTTP " + answer.status());
                }
                JsonArray bindings = Json.createReader(new ByteArrayInputStream(answer.body())).readArray();
                long bound = bindings.stream()
                        .filter(binding -> binding.asJsonObject().getJsonObject("feature").getInt("number")
                                == FleetSeeder.FEATURE_PBX)
                        .count();
                over += Math.max(0, bound - seats.get(number));
            }
            return over;
        }
    }
}
