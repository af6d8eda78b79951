package io.sipplatform.edge.it;

import java.io.File;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs SIPp (Debian package sip-tester) as a child process on 127.0.0.1, bounded in calls and time. Where SIPp is
 * missing the test is skipped, except in CI (CI=true), where .ci/run installs it and a missing SIPp fails.
 */
final class Sipp {
    private Sipp() {
    }

    static String binary() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            Path p = Path.of(dir, "sipp");
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        if ("true".equals(System.getenv("CI"))) {
            throw new AssertionError("sipp not installed: .ci/run must install sip-tester");
        }
        assumeTrue(false, "sipp not installed (apt-get install sip-tester); skipped outside CI");
        return null;
    }

    /**
     * Distinct free UDP ports on 127.0.0.1, all held until every one is chosen (so two SIPp processes never get
     * the same one), then released for SIPp to bind.
     */
    static int[] freeUdpPorts(int n) throws IOException {
        List<DatagramSocket> held = new ArrayList<>();
        try {
            int[] ports = new int[n];
            for (int i = 0; i < n; i++) {
                DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                held.add(s);
                ports[i] = s.getLocalPort();
            }
            return ports;
        } finally {
            held.forEach(DatagramSocket::close);
        }
    }

    /** Starts SIPp with these arguments, output to target/sipp/name.log. */
    static Process start(String name, List<String> args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(binary());
        cmd.addAll(args);
        cmd.add("-nostdin");
        Path dir = Path.of("target", "sipp");
        Files.createDirectories(dir);
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve(name + ".log").toFile())
                .start();
    }

    /** Waits for exit (killing it past the limit) and returns the exit code. */
    static int await(Process p, long seconds) throws InterruptedException {
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            return -999;
        }
        return p.exitValue();
    }

    static String log(String name) throws IOException {
        Path f = Path.of("target", "sipp", name + ".log");
        return Files.exists(f) ? Files.readString(f) : "";
    }

    static String scenario(String file) {
        return Path.of("src", "test", "resources", "sipp", file).toAbsolutePath().toString();
    }
}
