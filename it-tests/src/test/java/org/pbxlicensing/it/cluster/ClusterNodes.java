package org.pbxlicensing.it.cluster;

import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.pbxlicensing.it.support.ServerUnderTest;

/**
 * The nodes that {@code scripts/cluster/two-nodes.sh} started behind the balancer: their base
 * directories hold their logs and the process ids of their JVMs.
 */
final class ClusterNodes {

    private ClusterNodes() {
    }

    static List<Path> baseDirectories() {
        return Arrays.stream(System.getProperty("it.cluster.nodes", "").split(","))
                .filter(dir -> !dir.isBlank())
                .map(Path::of)
                .toList();
    }

    /** A request to the JSON API of one node ({@code 1} or {@code 2}), past the balancer. */
    static RequestSpecification apiOf(int node) {
        return apiOf(node, ServerUnderTest.randomClientAddress());
    }

    /** A request to the JSON API of one node, past the balancer, from the given client address. */
    static RequestSpecification apiOf(int node, String clientAddress) {
        return ServerUnderTest.apiOf(baseUrlOf(node), clientAddress);
    }

    /** The application's address on one node ({@code 1} or {@code 2}), past the balancer. */
    static String baseUrlOf(int node) {
        int offset = Integer.parseInt(System.getProperty("it.cluster.offsets", "300 400").trim().split("\\s+")[node - 1]);
        return "http://127.0.0.1:" + (8080 + offset) + "/licensing";
    }

    static List<String> serverLog(Path node) {
        try {
            return Files.readAllLines(node.resolve("log/server.log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ProcessHandle process(Path node) {
        try {
            long pid = Long.parseLong(Files.readString(node.resolve("node.pid")).trim());
            return ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("node " + node + " is not running"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Kills the node's JVM as a power cut would: no shutdown, no goodbye to the cluster. */
    static void killHard(Path node) throws IOException, InterruptedException {
        ProcessHandle jvm = process(node);
        new ProcessBuilder("kill", "-KILL", Long.toString(jvm.pid())).inheritIO().start().waitFor();
        jvm.onExit().join();
    }
}
