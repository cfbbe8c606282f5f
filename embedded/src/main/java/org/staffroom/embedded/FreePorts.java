package org.staffroom.embedded;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports for a server that a test stops and starts again on the same port.
 *
 * <p>A port from {@code new ServerSocket(0)} lies in the kernel's ephemeral range, from which
 * every outgoing connection also takes its local port: while the server is down, another
 * process's connection could take it, and a client that keeps reconnecting to it on loopback can
 * even connect to itself (a TCP simultaneous open), so that the server cannot bind it again.
 * These ports are picked at random below that range (from /proc/sys/net/ipv4/ip_local_port_range,
 * default 32768) and checked to be free now.
 */
public final class FreePorts {
    private static final int ATTEMPTS = 500;
    private static final int LINUX_DEFAULT = 32768;

    private FreePorts() {}

    /** {@code count} distinct loopback ports, free now, below the ephemeral range. */
    public static int[] pick(int count) {
        int ephemeralLow = ephemeralRangeStart();
        int low = Math.max(1024, Math.min(20000, ephemeralLow - 4096));
        int high = Math.max(low + 1, ephemeralLow); // exclusive
        int[] ports = new int[count];
        Set<Integer> taken = new HashSet<>();
        for (int i = 0; i < count; i++) {
            int found = -1;
            for (int attempt = 0; attempt < ATTEMPTS && found < 0; attempt++) {
                int candidate = ThreadLocalRandom.current().nextInt(low, high);
                if (!taken.contains(candidate) && bindable(candidate)) {
                    found = candidate;
                }
            }
            if (found < 0) {
                throw new IllegalStateException("no free port between " + low + " and " + high);
            }
            taken.add(found);
            ports[i] = found;
        }
        return ports;
    }

    /** One such port. */
    public static int pick() {
        return pick(1)[0];
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int ephemeralRangeStart() {
        try {
            // readString would read only the first byte of this file, which claims a size of 0
            String range = Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).get(0).trim();
            int low = Integer.parseInt(range.split("\\s+")[0]);
            return low > 2048 ? low : LINUX_DEFAULT;
        } catch (IOException | RuntimeException e) {
            return LINUX_DEFAULT;
        }
    }
}
