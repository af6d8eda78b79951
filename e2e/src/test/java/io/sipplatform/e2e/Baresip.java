package io.sipplatform.e2e;

import java.time.Duration;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.Awaitility;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A baresip softphone (Debian package baresip-core), headless: it registers with digest auth through the edge,
 * sends a 440 Hz tone as its microphone, writes what it hears to WAV files (sndfile module), and is driven over
 * its ctrl_tcp socket (netstring JSON commands; events such as CALL_ESTABLISHED come back on the same socket).
 */
final class Baresip implements AutoCloseable {
    /** Phones still running when the test JVM exits (a test that died midway) are stopped with it. */
    private static final java.util.Set<Process> LIVE = java.util.concurrent.ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(Process::destroyForcibly),
                "baresip-stop"));
    }

    private final String name;
    private final Path dir;
    private final Process process;
    private final Socket control;
    private final List<JsonNode> events = new ArrayList<>();
    private final Thread reader;

    /**
     * @param transport  udp, tcp, tls or ws
     * @param autoAnswer true answers every call at once; false lets it ring
     */
    private Baresip(String name, String user, String password, String ip, String transport, int edgePort,
            boolean autoAnswer) throws IOException, InterruptedException {
        this.name = name;
        this.dir = Tools.workDir("baresip").resolve(name);
        deleteFiles(dir);
        Files.createDirectories(dir);
        int sipPort = Tools.freePort(ip);
        int ctrlPort = Tools.freePort("127.0.0.1");
        int rtp = 40000 + (sipPort % 200) * 100;
        Path tone = Tone.write(dir.resolve("tone.wav"), 440, 60);
        Files.writeString(dir.resolve("config"), String.join("\n",
                "poll_method poll",
                "sip_listen " + ip + ":" + sipPort,
                "audio_player alsa,null",
                "audio_alert alsa,null",
                "audio_source aufile," + tone,
                "rtp_ports " + rtp + "-" + (rtp + 98),
                "module_path /usr/lib/baresip/modules",
                "module g711.so", "module alsa.so", "module aufile.so", "module sndfile.so",
                "module_app account.so", "module_app menu.so", "module_app ctrl_tcp.so",
                "ctrl_tcp_listen 127.0.0.1:" + ctrlPort,
                "snd_path " + dir, ""));
        String outbound = "sip:" + Platform.HOST + ":" + edgePort + (transport.equals("udp") ? ""
                : ";transport=" + transport);
        Files.writeString(dir.resolve("accounts"), "<sip:" + user + "@sip.local"
                + (transport.equals("udp") ? "" : ";transport=" + transport) + ">;auth_user=" + user
                + ";auth_pass=" + password + ";outbound=\"" + outbound + "\";regint=600;answermode="
                + (autoAnswer ? "auto" : "manual") + ";audio_codecs=PCMU\n");
        process = new ProcessBuilder(Tools.require("baresip"), "-f", dir.toString(), "-s").redirectErrorStream(true)
                .redirectOutput(dir.resolve("baresip.log").toFile()).start();
        LIVE.add(process);
        try {
            control = connect(ctrlPort);
        } catch (IOException e) {
            process.destroyForcibly();
            throw e;
        }
        reader = new Thread(this::readEvents, "baresip-" + name);
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts a softphone and waits for its registration (200 to its REGISTER). */
    static Baresip register(String name, String user, String password, String ip, String transport, int edgePort,
            boolean autoAnswer) throws Exception {
        Baresip b = new Baresip(name, user, password, ip, transport, edgePort, autoAnswer);
        try {
            b.awaitRegistered(15);
            return b;
        } catch (Throwable failed) {
            b.close(); // no try-with-resources owns it yet: a phone that failed to register must not outlive the test
            throw failed;
        }
    }

    private Socket connect(int port) throws IOException {
        try {
            return Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                    .ignoreExceptionsInstanceOf(IOException.class).failFast(() -> !process.isAlive())
                    .until(() -> new Socket(Platform.HOST, port), java.util.Objects::nonNull);
        } catch (ConditionTimeoutException | org.awaitility.core.TerminalFailureException e) {
            throw new IOException("baresip " + name + " has no control socket: " + log(), e);
        }
    }

    // netstrings: "<length>:<json>,"
    private void readEvents() {
        try (InputStream in = control.getInputStream()) {
            while (true) {
                int c;
                int length = 0;
                while ((c = in.read()) != ':') {
                    if (c < 0) {
                        return;
                    }
                    length = length * 10 + (c - '0');
                }
                byte[] body = in.readNBytes(length);
                in.read(); // the closing comma
                JsonNode node = Http.JSON.readTree(body);
                synchronized (events) {
                    events.add(node);
                    events.notifyAll();
                }
            }
        } catch (IOException e) {
            // the phone stopped
        }
    }

    void command(String command, String params) throws IOException {
        String json = Http.JSON.createObjectNode().put("command", command).put("params", params)
                .put("token", command).toString();
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        OutputStream out = control.getOutputStream();
        out.write((body.length + ":").getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.write(',');
        out.flush();
    }

    void dial(String uri) throws IOException {
        command("dial", uri);
    }

    void hangup() throws IOException {
        command("hangup", "");
    }

    /**
     * Asks "reginfo" until the account shows OK: the REGISTER_OK event may have gone out before this test's
     * control connection existed.
     */
    void awaitRegistered(int seconds) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            command("reginfo", "");
            long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500);
            synchronized (events) {
                while (System.nanoTime() < until) {
                    for (int i = 0; i < events.size(); i++) {
                        JsonNode e = events.get(i);
                        if (e.path("response").asBoolean() && "reginfo".equals(e.path("token").asText())) {
                            events.remove(i);
                            if (e.path("data").asText().contains("OK")) {
                                return;
                            }
                        }
                    }
                    events.wait(50);
                }
            }
        }
        fail("baresip " + name + " did not register within " + seconds + " s\n" + log());
    }

    /** The first event of this type not yet consumed, waiting up to {@code seconds}. */
    JsonNode await(String type, int seconds) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        synchronized (events) {
            while (true) {
                for (int i = 0; i < events.size(); i++) {
                    if (type.equals(events.get(i).path("type").asText())) {
                        return events.remove(i);
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    fail("baresip " + name + ": no " + type + " within " + seconds + " s; events " + events
                            + "\n" + log());
                }
                events.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
        }
    }

    /** The decoded audio this phone heard in its calls (sndfile's *-dec.wav), newest first. */
    List<Path> heard() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith("-dec.wav"))
                    .sorted((a, b) -> b.getFileName().compareTo(a.getFileName())).toList();
        }
    }

    /**
     * Waits until this phone, in a call, has heard at least {@code seconds} of it: the newest decoded WAV is still
     * being written (modified in the last half second: a finished call's file is not) and holds that much audio
     * (its header gives the rate, channels and sample size; the data length it states is written only at the end).
     */
    void awaitHearing(double seconds, int timeoutSeconds) {
        Awaitility.await().atMost(Duration.ofSeconds(timeoutSeconds)).pollInterval(Duration.ofMillis(50))
                .until(() -> hearing() >= seconds);
    }

    private double hearing() throws IOException {
        List<Path> files = heard();
        if (files.isEmpty()) {
            return 0;
        }
        Path f = files.get(0);
        long age = System.currentTimeMillis() - Files.getLastModifiedTime(f).toMillis();
        byte[] header = new byte[44];
        try (InputStream in = Files.newInputStream(f)) {
            if (age > 500 || in.readNBytes(header, 0, 44) < 44) {
                return 0;
            }
        }
        java.nio.ByteBuffer h = java.nio.ByteBuffer.wrap(header).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        int channels = h.getShort(22);
        int rate = h.getInt(24);
        int bits = h.getShort(34);
        long bytesPerSecond = (long) rate * channels * bits / 8;
        return bytesPerSecond <= 0 ? 0 : (double) (Files.size(f) - 44) / bytesPerSecond;
    }

    /** True when the SIP trace (-s) shows this request arriving, e.g. "CANCEL". */
    boolean received(String method) throws IOException {
        String trace = Files.readString(dir.resolve("baresip.log"), StandardCharsets.ISO_8859_1);
        return java.util.regex.Pattern.compile("-> [0-9.:]+\\r?\\n" + method + " sip:").matcher(trace).find();
    }

    String log() throws IOException {
        Path f = dir.resolve("baresip.log");
        if (!Files.exists(f)) {
            return "";
        }
        String text = Files.readString(f, StandardCharsets.ISO_8859_1);
        return text.length() > 4000 ? text.substring(text.length() - 4000) : text;
    }

    @Override
    public void close() throws Exception {
        try {
            command("quit", "");
        } catch (IOException e) {
            // already gone
        }
        if (!process.waitFor(3, TimeUnit.SECONDS)) {
            process.destroy();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
        LIVE.remove(process);
        control.close();
        reader.join(2000);
    }

    private static void deleteFiles(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
        }
    }
}
