package org.pbxlicensing.it.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The TCP sockets that processes of this machine listen on, read from {@code /proc/net/tcp} and
 * {@code tcp6}, with the processes that hold them: what a port scan from the network would find.
 */
public final class ListeningSockets {

    private static final String LISTEN = "0A";

    public record Socket(InetAddress address, int port, long inode) {
    }

    private ListeningSockets() {
    }

    /** Every socket in the LISTEN state that one of the processes holds. */
    public static List<Socket> of(Set<Long> pids) throws IOException {
        Set<Long> inodes = socketInodes(pids);
        var sockets = new ArrayList<Socket>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path file = Path.of(table);
            if (!Files.exists(file)) {
                continue;
            }
            List<String> lines = Files.readAllLines(file);
            for (String line : lines.subList(1, lines.size())) {
                String[] fields = line.trim().split("\\s+");
                if (LISTEN.equals(fields[3]) && inodes.contains(Long.parseLong(fields[9]))) {
                    String[] local = fields[1].split(":");
                    sockets.add(new Socket(address(local[0]), Integer.parseInt(local[1], 16), Long.parseLong(fields[9])));
                }
            }
        }
        return sockets;
    }

    /** The process whose command line contains the text, and its descendants. */
    public static Set<Long> processesRunning(String commandLineText) {
        return ProcessHandle.allProcesses()
                .filter(process -> process.info().commandLine().orElse("").contains(commandLineText))
                .flatMap(process -> Stream.concat(Stream.of(process), process.descendants()))
                .map(ProcessHandle::pid)
                .collect(Collectors.toSet());
    }

    private static Set<Long> socketInodes(Set<Long> pids) throws IOException {
        var inodes = new HashSet<Long>();
        for (long pid : pids) {
            Path fds = Path.of("/proc", String.valueOf(pid), "fd");
            try (Stream<Path> links = Files.list(fds)) {
                links.forEach(link -> {
                    try {
                        String target = Files.readSymbolicLink(link).toString();
                        if (target.startsWith("socket:[")) {
                            inodes.add(Long.parseLong(target.substring(8, target.length() - 1)));
                        }
                    } catch (IOException gone) {
                        // closed meanwhile
                    }
                });
            } catch (IOException gone) {
                // the process ended
            }
        }
        return inodes;
    }

    /** /proc writes addresses as 32-bit words in the machine's (little-endian) order. */
    private static InetAddress address(String hex) throws UnknownHostException {
        byte[] bytes = HexFormat.of().parseHex(hex);
        for (int word = 0; word < bytes.length; word += 4) {
            for (int i = 0; i < 2; i++) {
                byte swap = bytes[word + i];
                bytes[word + i] = bytes[word + 3 - i];
                bytes[word + 3 - i] = swap;
            }
        }
        return InetAddress.getByAddress(bytes);
    }
}
