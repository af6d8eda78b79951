package io.sipplatform.registrar.store;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/** Free loopback ports for JGroups nodes: each port and its FD_SOCK2 port (port + offset) are free right now. */
final class LoopbackPorts {
    static final int FD_OFFSET = 100;

    private LoopbackPorts() {
    }

    static List<Integer> free(int count) {
        List<Integer> ports = new ArrayList<>();
        Set<Integer> taken = new HashSet<>();
        while (ports.size() < count) {
            // Below the Linux ephemeral range (32768+), where outgoing connections could take a port checked as free.
            int port = ThreadLocalRandom.current().nextInt(15_000, 32_000);
            if (taken.contains(port) || taken.contains(port + FD_OFFSET) || taken.contains(port - FD_OFFSET)) {
                continue;
            }
            if (isFree(port) && isFree(port + FD_OFFSET)) {
                ports.add(port);
                taken.add(port);
                taken.add(port + FD_OFFSET);
            }
        }
        return ports;
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
