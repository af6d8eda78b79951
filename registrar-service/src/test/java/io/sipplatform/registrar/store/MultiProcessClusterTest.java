package io.sipplatform.registrar.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The location cluster as it runs in production: three JVM processes, each one node, holding 10 000 AORs with two
 * contacts each. SIGKILL (destroyForcibly) takes out the coordinator; lookups made while the cluster notices and
 * rebalances, and after it settled, find every AOR with all its contacts.
 */
class MultiProcessClusterTest {
    static final int AORS = 10_000;

    /** One node process and its protocol lines. */
    static final class Node {
        final Process process;
        final Writer commands;
        final BlockingQueue<String> replies = new LinkedBlockingQueue<>();

        Node(Process process) {
            this.process = process;
            this.commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
            Thread reader = new Thread(() -> {
                try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = out.readLine()) != null) {
                        if (line.startsWith("@@ ")) {
                            replies.add(line.substring(3));
                        }
                    }
                } catch (IOException e) {
                    replies.add("EOF " + e);
                }
            });
            reader.setDaemon(true);
            reader.start();
        }

        String ask(String command, long seconds) throws Exception {
            commands.write(command + "\n");
            commands.flush();
            return reply(seconds);
        }

        String reply(long seconds) throws InterruptedException {
            String reply = replies.poll(seconds, TimeUnit.SECONDS);
            if (reply == null) {
                throw new AssertionError("no reply within " + seconds + " s");
            }
            return reply;
        }
    }

    final List<Node> nodes = new ArrayList<>();

    Node start(String cluster, int index, String hosts) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Djava.net.preferIPv4Stack=true", "-cp", System.getProperty("java.class.path"),
                LocationNodeProcess.class.getName(), cluster, Integer.toString(index), hosts);
        File log = new File("target/multi-process-node-" + index + ".log");
        builder.redirectError(log);
        Node node = new Node(builder.start());
        nodes.add(node);
        return node;
    }

    @AfterEach
    void stopProcesses() {
        for (Node node : nodes) {
            node.process.destroyForcibly();
        }
    }

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void everyAorIsFoundWithAllItsContactsDuringAndAfterTheRebalanceThatFollowsASigkill() throws Exception {
        List<Integer> ports = LoopbackPorts.free(3);
        String hosts = ports.stream().map(p -> "127.0.0.1[" + p + "]").collect(Collectors.joining(","));
        String cluster = "registrar-mp-" + ProcessHandle.current().pid();
        Node coordinator = start(cluster, 0, hosts);
        assertEquals("READY 1", coordinator.reply(60));
        Node second = start(cluster, 1, hosts);
        assertEquals("READY 2", second.reply(60));
        Node third = start(cluster, 2, hosts);
        assertEquals("READY 3", third.reply(60));
        assertEquals("STABLE true 3", coordinator.ask("await 3 45000", 50));

        // Written through two processes at once: 10 000 AORs, two contacts each.
        CompletableFuture<String> firstHalf = ask(coordinator, "register 0 " + AORS / 2, 120);
        CompletableFuture<String> secondHalf = ask(second, "register " + AORS / 2 + " " + AORS, 120);
        assertEquals("REGISTERED " + AORS / 2 + " 0", firstHalf.get());
        assertEquals("REGISTERED " + AORS / 2 + " 0", secondHalf.get());
        assertEquals("VERIFIED " + AORS + " 0 -", third.ask("verify 0 " + AORS, 120));

        // SIGKILL of the coordinator: no graceful leave, its sockets just close.
        coordinator.process.destroyForcibly().waitFor();
        CompletableFuture<String> duringOnSecond = ask(second, "verify 0 " + AORS, 120);
        CompletableFuture<String> duringOnThird = ask(third, "verify 0 " + AORS, 120);
        assertEquals("VERIFIED " + AORS + " 0 -", duringOnSecond.get(), "lookups during the rebalance");
        assertEquals("VERIFIED " + AORS + " 0 -", duringOnThird.get(), "lookups during the rebalance");

        assertEquals("STABLE true 2", second.ask("await 2 60000", 70));
        assertEquals("VERIFIED " + AORS + " 0 -", second.ask("verify 0 " + AORS, 120), "after the rebalance");
        assertEquals("VERIFIED " + AORS + " 0 -", third.ask("verify 0 " + AORS, 120), "after the rebalance");
        assertEquals("BYE", second.ask("exit", 30));
        assertEquals("BYE", third.ask("exit", 30));
    }

    private static CompletableFuture<String> ask(Node node, String command, long seconds) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return node.ask(command, seconds);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
