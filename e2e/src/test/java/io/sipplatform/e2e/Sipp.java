package io.sipplatform.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One SIPp process with a scenario from src/test/resources/sipp, bound to its own loopback address, bounded in
 * calls and time. Keys given with {@link #key} fill the scenario's [name] fields.
 */
final class Sipp {
    /** Every SIPp a test started and that may still run; {@link #stopAll} ends them after each test. */
    private static final List<Sipp> RUNNING = new ArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            synchronized (RUNNING) {
                RUNNING.forEach(s -> s.process.destroyForcibly());
            }
        }, "sipp-stop"));
    }
    private final String name;
    private final List<String> args = new ArrayList<>();
    private final Path dir;
    private final java.util.Set<String> keys = new java.util.HashSet<>();
    private Process process;
    private String local;
    private int port;

    private Sipp(String name, Path scenario) throws IOException {
        this.name = name;
        this.dir = Tools.workDir("sipp");
        args.add(Tools.require("sipp"));
        args.addAll(List.of("-sf", scenario.toString(), "-key", "caller", "sipp"));
    }

    /** SIPp running this scenario; {@code name} names its logs under target/sipp. */
    static Sipp run(String name, SippScenario scenario) throws IOException {
        return new Sipp(name, scenario.write());
    }

    /** Where SIPp listens (UDP, and TCP/TLS with {@link #transport}); a free port is chosen when 0. */
    Sipp local(String ip, int port) throws IOException {
        this.local = ip;
        this.port = port == 0 ? Tools.freePort(ip) : port;
        args.addAll(List.of("-i", ip, "-p", Integer.toString(this.port), "-mi", ip,
                "-mp", Integer.toString(Tools.freePort(ip))));
        return this;
    }

    int port() {
        return port;
    }

    String address() {
        return local + ":" + port;
    }

    Sipp key(String key, String value) {
        keys.add(key);
        args.addAll(List.of("-key", key, value));
        return this;
    }

    /** -m: stop after this many calls. */
    Sipp calls(int n) {
        args.addAll(List.of("-m", Integer.toString(n)));
        return this;
    }

    /** -r and -l: calls per second and most calls at once. */
    Sipp rate(int perSecond, int atOnce) {
        args.addAll(List.of("-r", Integer.toString(perSecond), "-l", Integer.toString(atOnce)));
        return this;
    }

    Sipp transport(String mode) {
        args.addAll(List.of("-t", mode));
        return this;
    }

    Sipp option(String... more) {
        args.addAll(List.of(more));
        return this;
    }

    /** Starts SIPp against {@code remote} ("host:port"); null for a server scenario that waits. */
    Sipp start(String remote, int timeoutSeconds) throws IOException {
        List<String> cmd = new ArrayList<>(args);
        cmd.addAll(List.of("-nostdin", "-timeout", timeoutSeconds + "s", "-timeout_error",
                "-trace_err", "-error_file", dir.resolve(name + ".errors").toString(),
                "-trace_logs", "-log_file", dir.resolve(name + ".events").toString(),
                "-trace_msg", "-message_file", dir.resolve(name + ".messages").toString()));
        if (!keys.contains("domain")) {
            cmd.addAll(List.of("-key", "domain", remote != null ? remote : "sip.local"));
        }
        if (remote != null) {
            cmd.add(remote);
        }
        Files.deleteIfExists(dir.resolve(name + ".events"));
        process = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile()).start();
        synchronized (RUNNING) {
            RUNNING.add(this);
        }
        return this;
    }

    /** Waits for SIPp to end by itself (0: every call succeeded) and returns its exit code. */
    int await(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            return -1;
        }
        return process.exitValue();
    }

    /** Ends a server scenario that is still waiting (SIGTERM, then SIGKILL). */
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    /** Stops what a failed test left running, so the next test finds its ports free. */
    static void stopAll() throws InterruptedException {
        List<Sipp> all;
        synchronized (RUNNING) {
            all = new ArrayList<>(RUNNING);
            RUNNING.clear();
        }
        for (Sipp s : all) {
            s.stop();
        }
    }

    /** The lines the scenario logged with its log actions, e.g. "final 503". */
    List<String> events() throws IOException {
        Path f = dir.resolve(name + ".events");
        return Files.exists(f) ? Files.readAllLines(f).stream().filter(l -> !l.isBlank()).toList() : List.of();
    }

    /** What SIPp printed, the errors and the message trace, for assertion messages. */
    String diagnostics() throws IOException {
        StringBuilder b = new StringBuilder();
        for (String suffix : List.of(".log", ".errors", ".messages")) {
            Path f = dir.resolve(name + suffix);
            if (Files.exists(f)) {
                String text = Files.readString(f);
                b.append("---- ").append(name).append(suffix).append('\n')
                        .append(text.length() > 6000 ? text.substring(text.length() - 6000) : text).append('\n');
            }
        }
        return b.toString();
    }
}
