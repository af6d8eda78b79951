package io.sipplatform.e2e;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/** The real SIP software the scenarios drive, installed by .ci/run from Debian packages. */
final class Tools {
    private Tools() {
    }

    /**
     * The path of a program; a missing one skips the scenario on a developer machine and fails it in CI (CI=true),
     * where .ci/run installs it.
     */
    static String require(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            Path p = Path.of(dir, program);
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        if ("true".equals(System.getenv("CI"))) {
            throw new AssertionError(program + " is not installed: .ci/run must install it");
        }
        assumeTrue(false, program + " is not installed; skipped outside CI");
        return null;
    }

    /** A UDP and TCP port free on this loopback address now (both, so SIPp's TCP or TLS socket binds too). */
    static int freePort(String ip) throws IOException {
        InetAddress addr = InetAddress.getByName(ip);
        for (int attempt = 0; attempt < 50; attempt++) {
            try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(addr, 0))) {
                int port = udp.getLocalPort();
                try (ServerSocket tcp = new ServerSocket()) {
                    tcp.bind(new InetSocketAddress(addr, port));
                    return port;
                } catch (IOException taken) {
                    // the TCP side is in use; try another
                }
            }
        }
        throw new IOException("no free port on " + ip);
    }

    static Path workDir(String name) throws IOException {
        Path dir = Path.of("target", name).toAbsolutePath();
        Files.createDirectories(dir);
        return dir;
    }
}
