package io.sipplatform.e2e;

import java.time.Duration;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.Awaitility;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The whole platform, started once per test run with the README's launcher ({@code bin/platform run}): every
 * service as its own JVM on embedded defaults, two edge replicas and three registrar nodes, on ports of its own
 * ({@code PLATFORM_PORT_OFFSET}) so a developer's local run on the default ports is not disturbed. Stopped by
 * SIGTERM to the launcher when the test JVM exits, which drains and stops every service it started.
 */
final class Platform {
    static final String HOST = "127.0.0.1";
    static final int OFFSET = 1000;
    static final int SIP_PORT = 5260;
    static final int TLS_PORT = 5261;
    static final int WS_PORT = 5266;
    static final int ADMIN_PORT = 8082 + OFFSET;
    static final int CDR_HTTP_PORT = 8084 + OFFSET;
    static final int MEDIA_HTTP_PORT = 8083 + OFFSET;
    static final int EDGES = 2;
    static final int REGISTRARS = 3;
    /** Per-target answer timeout the scenarios run with (routing.failover.answer-timeout). */
    static final int ANSWER_TIMEOUT_SECONDS = 8;

    private static Platform instance;

    final Path root;
    final Path data;
    final Path log;
    final String token;
    final Http admin;
    final Http cdr;
    private final Process launcher;

    private Platform(Path root) throws IOException, InterruptedException {
        this.root = root;
        this.data = root.resolve("e2e/target/platform-data");
        this.log = root.resolve("e2e/target/platform.log");
        deleteTree(data);
        Files.createDirectories(data);
        ProcessBuilder pb = new ProcessBuilder("bash", root.resolve("bin/platform").toString(), "run")
                .directory(root.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(environment());
        launcher = pb.start();
        Runtime.getRuntime().addShutdownHook(new Thread(this::shutdown, "platform-stop"));
        awaitReady();
        token = Files.readString(data.resolve("admin-token"), StandardCharsets.US_ASCII).trim();
        admin = new Http("http://" + HOST + ":" + ADMIN_PORT + "/admin/v1", token);
        cdr = new Http("http://" + HOST + ":" + CDR_HTTP_PORT + "/v1", token);
    }

    /** The running platform; the first caller starts it (about a minute on two cores). */
    static synchronized Platform get() {
        if (instance == null) {
            Tools.require("sipp");
            try {
                instance = new Platform(Path.of(System.getProperty("platform.root", "..")).toAbsolutePath()
                        .normalize());
            } catch (IOException e) {
                throw new IllegalStateException("the platform did not start", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return instance;
    }

    /**
     * The relay's media timeout of this run: {@code -De2e.relay-media-timeout=5s} shortens it for a run of
     * {@code MediaTimeoutIT} alone (the platform is shared: a short timeout would end other scenarios' silent
     * calls); default the relay's own (60s).
     */
    static final String RELAY_MEDIA_TIMEOUT = System.getProperty("e2e.relay-media-timeout", "60s");

    Map<String, String> environment() {
        return Map.of("PLATFORM_DATA_DIR", data.toString(),
                "PLATFORM_PORT_OFFSET", Integer.toString(OFFSET),
                "PLATFORM_SIP_PORT", Integer.toString(SIP_PORT),
                "PLATFORM_TLS_PORT", Integer.toString(TLS_PORT),
                "PLATFORM_WS_PORT", Integer.toString(WS_PORT),
                "PLATFORM_EDGES", Integer.toString(EDGES),
                "PLATFORM_REGISTRARS", Integer.toString(REGISTRARS),
                "PLATFORM_JAVA_OPTS", "-Xmx256m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC",
                "PLATFORM_JAVA_OPTS_ROUTING_SERVICE",
                "-Drouting.failover.answer-timeout=" + ANSWER_TIMEOUT_SECONDS + "s",
                "PLATFORM_JAVA_OPTS_MEDIA_RELAY_SERVICE", "-Dmedia.media-timeout=" + RELAY_MEDIA_TIMEOUT);
    }

    private void awaitReady() throws IOException {
        try {
            Awaitility.await("PLATFORM READY in " + log).atMost(Duration.ofSeconds(300))
                    .pollInterval(Duration.ofMillis(500)).failFast("bin/platform exited", () -> !launcher.isAlive())
                    .until(() -> Files.exists(log) && Files.readString(log).contains("PLATFORM READY"));
        } catch (ConditionTimeoutException e) {
            fail("the platform did not get ready (" + e.getMessage() + "):\n" + Files.readString(log));
        }
    }

    /** Edge replica {@code k} (from 1): its SIP port for UDP and TCP. */
    static int sipPort(int edge) {
        return SIP_PORT + 10 * (edge - 1);
    }

    /** The management HTTP port of an instance, e.g. "edge-proxy#2", "registrar-service#1", "cdr-service". */
    static int httpPort(String instance) {
        String name = instance.contains("#") ? instance.substring(0, instance.indexOf('#')) : instance;
        int k = instance.contains("#") ? Integer.parseInt(instance.substring(instance.indexOf('#') + 1)) : 1;
        int base = switch (name) {
            case "edge-proxy" -> 8080;
            case "registrar-service" -> 9001;
            case "routing-service" -> 8082;
            case "media-relay-service" -> 8083;
            case "cdr-service" -> 8084;
            default -> throw new IllegalArgumentException(instance);
        };
        return base + OFFSET + 10 * (k - 1);
    }

    /** The PID the launcher recorded for an instance. */
    long pid(String instance) throws IOException {
        Path f = data.resolve("pids").resolve(instance.replace('#', '-') + ".pid");
        return Long.parseLong(Files.readString(f).trim());
    }

    /** SIGKILL, as a crashing node or an OOM kill: no drain, no goodbye. */
    void kill(String instance) throws Exception {
        ProcessHandle p = ProcessHandle.of(pid(instance)).orElseThrow();
        p.destroyForcibly();
        p.onExit().get(30, TimeUnit.SECONDS);
    }

    /** {@code bin/platform start|stop NAME}: returns when the instance is ready again, or stopped. */
    void launcherCommand(String verb, String instance) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("bash", root.resolve("bin/platform").toString(), verb, instance)
                .directory(root.toFile()).redirectErrorStream(true);
        pb.environment().putAll(environment());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(180, TimeUnit.SECONDS) || p.exitValue() != 0) {
            fail("bin/platform " + verb + " " + instance + " failed:\n" + out);
        }
    }

    /** The Prometheus scrape of an instance. */
    String metrics(String instance) throws IOException, InterruptedException {
        return Http.getText("http://" + HOST + ":" + httpPort(instance) + "/q/metrics");
    }

    private void shutdown() {
        launcher.destroy(); // SIGTERM: the launcher drains and stops every service
        try {
            if (!launcher.waitFor(90, TimeUnit.SECONDS)) {
                launcher.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // anything restarted by a test outside the launcher's children, by its recorded PID only
        try (Stream<Path> pids = Files.list(data.resolve("pids"))) {
            for (Path f : pids.toList()) {
                ProcessHandle.of(Long.parseLong(Files.readString(f).trim()))
                        .filter(h -> h.info().commandLine().orElse("").contains("quarkus-run.jar"))
                        .ifPresent(ProcessHandle::destroyForcibly);
            }
        } catch (IOException | NumberFormatException e) {
            // nothing left to stop
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        List<Path> all = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(all::add);
        }
        for (Path p : all) {
            Files.deleteIfExists(p);
        }
    }
}
