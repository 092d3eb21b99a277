package org.pbxlicensing.it.security;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.pbxlicensing.it.support.ListeningSockets;
import org.pbxlicensing.it.support.ServerUnderTest;
import org.pbxlicensing.it.support.SystemTest;

/**
 * What the server and its embedded database show to the network by default: every socket they
 * listen on is bound to loopback, and nothing answers on the machine's own address.
 */
@SystemTest
class NetworkFaceIT {

    private static final int HTTP_PORT = URI.create(ServerUnderTest.BASE_URL).getPort();
    private static final int MANAGEMENT_PORT = URI.create(ServerUnderTest.MANAGEMENT_URL).getPort();
    private static final int DATABASE_PORT = Integer.parseInt(System.getProperty("it.db.port"));

    @Test
    void theServerAndItsDatabaseListenOnLoopbackOnly() throws IOException {
        List<ListeningSockets.Socket> sockets = ListeningSockets.of(serverAndDatabase());

        Set<Integer> ports = sockets.stream().map(ListeningSockets.Socket::port).collect(Collectors.toSet());
        assertTrue(ports.containsAll(List.of(HTTP_PORT, MANAGEMENT_PORT, DATABASE_PORT)),
                "the processes were found: they listen on " + ports);
        for (ListeningSockets.Socket socket : sockets) {
            assertTrue(socket.address().isLoopbackAddress(), "listens beyond loopback: " + socket);
        }
    }

    @Test
    void noPortOfTheServerOrItsDatabaseAnswersOnTheMachinesOwnAddress() throws IOException {
        List<InetAddress> ownAddresses = NetworkInterface.networkInterfaces()
                .flatMap(NetworkInterface::inetAddresses)
                .filter(address -> !address.isLoopbackAddress() && !address.isLinkLocalAddress())
                .toList();
        assumeFalse(ownAddresses.isEmpty(), "this machine has no address but loopback");
        Set<Integer> ports = new TreeSet<>(List.of(HTTP_PORT, MANAGEMENT_PORT, DATABASE_PORT));
        ListeningSockets.of(serverAndDatabase()).forEach(socket -> ports.add(socket.port()));

        for (int port : ports) {
            try (Socket onLoopback = new Socket()) {
                onLoopback.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2000);
            }
            for (InetAddress address : ownAddresses) {
                assertThrows(ConnectException.class, () -> {
                    try (Socket fromTheNetwork = new Socket()) {
                        fromTheNetwork.connect(new InetSocketAddress(address, port), 2000);
                    }
                }, "port " + port + " answers on " + address);
            }
        }
    }

    private static Set<Long> serverAndDatabase() throws IOException {
        var pids = new HashSet<>(ListeningSockets.processesRunning(
                "-Djboss.server.base.dir=" + System.getProperty("it.server.base")));
        Path databasePid = Path.of(System.getProperty("it.db.dir"), "mariadb.pid");
        assumeTrue(Files.exists(databasePid), "the tests run against an external database");
        pids.add(Long.parseLong(Files.readString(databasePid).strip()));
        assertTrue(pids.size() >= 2, "the server's and the database's processes: " + pids);
        return pids;
    }
}
