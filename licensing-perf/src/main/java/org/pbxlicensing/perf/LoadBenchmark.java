package org.pbxlicensing.perf;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Runs the scenarios against a running server, one after the other with the same number of
 * connections, so their figures compare: the trivial ping (the ceiling of the stack), checks of
 * bound hosts, LicenseV2 entitlement polls and activations of new hosts. Writes {@code results.json}
 * and {@code results.md} to the output folder.
 */
public final class LoadBenchmark {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int ACTIVATION_TARGETS = 200;

    private final String baseUrl;
    private final int connections;
    private final HttpClient[] clients;
    private final String run = Long.toString(System.currentTimeMillis(), 36);
    private final ResidentMemory serverMemory;
    private final DatabaseStatements statements;

    private LoadBenchmark(String baseUrl, int connections, ResidentMemory serverMemory, DatabaseStatements statements) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.connections = connections;
        this.serverMemory = serverMemory;
        this.statements = statements;
        // A few clients share the connections: one client's selector thread would be the bottleneck.
        this.clients = new HttpClient[Math.max(1, connections / 8)];
        for (int i = 0; i < clients.length; i++) {
            clients[i] = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build();
        }
    }

    public static void main(String[] args) throws Exception {
        String baseUrl = System.getProperty("bench.base-url", "http://localhost:8080/licensing");
        int connections = Integer.parseInt(System.getProperty("bench.connections", "64"));
        int seconds = Integer.parseInt(System.getProperty("bench.seconds", "30"));
        int warmup = Integer.parseInt(System.getProperty("bench.warmup-seconds", "20"));
        Path output = Path.of(System.getProperty("bench.output", "benchmark"));
        Path fleetFile = Path.of(System.getProperty("fleet.file", "fleet.txt"));
        FleetFile fleet = FleetFile.read(fleetFile, 100_000, new Random(7));
        System.out.printf("Fleet file %s: %,d registrations; %,d bound hosts sampled, %,d activation targets%n",
                fleetFile, fleet.registrations, fleet.boundHosts.size(), fleet.activationTargets.size());
        var memory = new ResidentMemory(System.getProperty("bench.server-pid", ""));
        var statements = new DatabaseStatements(System.getProperty("bench.db-url"), System.getProperty("bench.db-user"),
                System.getProperty("bench.db-password"));
        new LoadBenchmark(baseUrl, connections, memory, statements).run(fleet, seconds, warmup, output);
    }

    private void run(FleetFile fleet, int seconds, int warmup, Path output) throws Exception {
        if (fleet.boundHosts.isEmpty() || fleet.activationTargets.isEmpty()) {
            throw new IllegalStateException("The fleet file holds no bound hosts or no activation targets: seed first");
        }
        Scenario ping = new Ping();
        Scenario checks = new Checks(fleet.boundHosts);
        Entitlements entitlements = new Entitlements(installations(fleet));
        // Few registrations, so that concurrent activations meet on them: that is where seats could be over-allocated.
        Activations activations = new Activations(
                fleet.activationTargets.subList(0, Math.min(ACTIVATION_TARGETS, fleet.activationTargets.size())));
        System.out.printf("Warming up for %d s%n", warmup);
        for (Scenario scenario : List.of(ping, checks, entitlements)) {
            measure(scenario, Math.max(1, warmup / 3));
        }
        List<ScenarioResult> results = new ArrayList<>();
        Map<String, Long> rssMiB = new LinkedHashMap<>();
        Map<String, DatabaseStatements.PerRequest> statementsPerRequest = new LinkedHashMap<>();
        for (Scenario scenario : List.of(ping, checks, entitlements, activations)) {
            serverMemory.reset();
            statements.start();
            ScenarioResult result = measure(scenario, seconds);
            results.add(result);
            serverMemory.peakMiB().ifPresent(peak -> rssMiB.put(scenario.name(), peak));
            if (statements.enabled()) {
                statementsPerRequest.put(scenario.name(),
                        statements.perRequest(result.ok() + result.refused() + result.errors()));
            }
            System.out.printf("%-12s %,9.0f/s  p50 %6.2f ms  p95 %6.2f ms  p99 %6.2f ms  ok %,d  refused %,d  errors %,d%n",
                    result.name(), result.throughput(), result.p50Millis(), result.p95Millis(), result.p99Millis(),
                    result.ok(), result.refused(), result.errors());
        }
        long overAllocated = activations.overAllocation();
        var report = new BenchmarkReport(baseUrl, connections, seconds, fleet.registrations, results, rssMiB,
                statementsPerRequest, overAllocated, activations.firstErrors);
        report.write(output);
        System.out.println(report.markdown());
        System.out.println("Written to " + output.toAbsolutePath());
    }

    /** Installations on registrations of the fleet with a spare seat, each bound by its first poll. */
    private List<V2Installation> installations(FleetFile fleet) {
        int count = Math.min(connections * 4, fleet.fleetWithSpareSeats.size());
        List<FleetFile.SpareSeats> spare = new ArrayList<>(fleet.fleetWithSpareSeats);
        java.util.Collections.shuffle(spare, new Random(run.hashCode()));
        List<V2Installation> installations = spare.subList(0, count).parallelStream()
                .map(registration -> new V2Installation(registration.registrationNumber()))
                .toList();
        long bound = installations.parallelStream()
                .filter(installation -> send(post("/entitlement", installation.nextPoll()), 0).status == 200)
                .count();
        System.out.printf("%d LicenseV2 installations, %d bound by their first poll%n", count, bound);
        return installations;
    }

    private ScenarioResult measure(Scenario scenario, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        LongAdder ok = new LongAdder();
        LongAdder refused = new LongAdder();
        LongAdder errors = new LongAdder();
        long[][] latencies = new long[connections][];
        Thread[] workers = new Thread[connections];
        long started = System.nanoTime();
        for (int w = 0; w < connections; w++) {
            int worker = w;
            workers[w] = new Thread(() -> {
                long[] own = new long[4096];
                int n = 0;
                while (System.nanoTime() < deadline) {
                    HttpRequest request = scenario.next(worker);
                    long sent = System.nanoTime();
                    Answer answer = send(request, worker);
                    long took = System.nanoTime() - sent;
                    Scenario.Outcome outcome = answer.status < 0 ? Scenario.Outcome.ERROR
                            : scenario.outcome(request, answer.status, answer.body);
                    switch (outcome) {
                        case OK -> ok.increment();
                        case REFUSED -> refused.increment();
                        case ERROR -> errors.increment();
                    }
                    if (n == own.length) {
                        own = Arrays.copyOf(own, n * 2);
                    }
                    own[n++] = took;
                }
                latencies[worker] = Arrays.copyOf(own, n);
            }, scenario.name() + "-" + w);
            workers[w].start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).toArray();
        return ScenarioResult.of(scenario.name(), elapsed, ok.sum(), refused.sum(), errors.sum(), all);
    }

    private record Answer(int status, byte[] body) {
    }

    private Answer send(HttpRequest request, int worker) {
        try {
            HttpResponse<byte[]> response = clients[worker % clients.length]
                    .send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            return new Answer(-1, e.toString().getBytes(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, new byte[0]);
        }
    }

    private HttpRequest post(String path, byte[] body) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
    }

    /** {@code GET /api/v1/ping}: no database, no signing. */
    private final class Ping implements Scenario {

        private final HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/ping"))
                .timeout(TIMEOUT).GET().build();

        @Override
        public String name() {
            return "ping";
        }

        @Override
        public HttpRequest next(int worker) {
            return request;
        }

        @Override
        public Outcome outcome(HttpRequest request, int status, byte[] body) {
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
        public HttpRequest next(int worker) {
            var host = hosts.get(ThreadLocalRandom.current().nextInt(hosts.size()));
            return post("/api/v1/checks", Json.createObjectBuilder()
                    .add("registrationNumber", host.registrationNumber())
                    .add("hostId", host.hostId())
                    .build().toString().getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public Outcome outcome(HttpRequest request, int status, byte[] body) {
            return status == 200 ? Outcome.OK : Outcome.ERROR;
        }
    }

    /** {@code POST /entitlement}: each worker polls its own installations in turn, so their seq only grows. */
    private final class Entitlements implements Scenario {

        private final List<V2Installation> installations;
        private final int[] turn;

        Entitlements(List<V2Installation> installations) {
            this.installations = installations;
            this.turn = new int[connections];
        }

        @Override
        public String name() {
            return "entitlement";
        }

        @Override
        public HttpRequest next(int worker) {
            int own = Math.max(1, installations.size() / connections);
            int index = (worker * own + turn[worker]++ % own) % installations.size();
            return post("/entitlement", installations.get(index).nextPoll());
        }

        @Override
        public Outcome outcome(HttpRequest request, int status, byte[] body) {
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
        public HttpRequest next(int worker) {
            var target = targets.get(ThreadLocalRandom.current().nextInt(targets.size()));
            used.put(target.registrationNumber(), target.registrationNumber());
            String host = "bench-" + run + "-" + hosts.incrementAndGet();
            return post("/api/v1/activations", Json.createObjectBuilder()
                    .add("registrationNumber", target.registrationNumber())
                    .add("feature", FleetSeeder.FEATURE_PBX)
                    .add("host", Json.createObjectBuilder().add("id", host).add("name", "bench"))
                    .build().toString().getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public Outcome outcome(HttpRequest request, int status, byte[] body) {
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
                var request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/registrations/" + number + "/bindings"))
                        .timeout(TIMEOUT).GET().build();
                Answer answer = send(request, 0);
                if (answer.status != 200) {
                    throw new IllegalStateException("Bindings of " + number + ": HTTP " + answer.status);
                }
                JsonArray bindings = Json.createReader(new ByteArrayInputStream(answer.body)).readArray();
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
