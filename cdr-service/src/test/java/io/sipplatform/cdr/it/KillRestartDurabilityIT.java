package io.sipplatform.cdr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.StatusRuntimeException;
import io.sipplatform.cdr.domain.CallEvent;
import io.sipplatform.cdr.domain.CallEvents;
import io.sipplatform.cdr.domain.Cdr;
import io.sipplatform.cdr.domain.Disposition;
import io.sipplatform.cdr.fixture.Traffic;
import io.sipplatform.cdr.grpc.ProtoEvents;
import io.sipplatform.proto.cdr.v1.CdrIngestGrpc;
import io.sipplatform.proto.cdr.v1.PublishBatchRequest;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged service on PostgreSQL is killed with SIGKILL while an edge-like publisher streams events of many
 * calls; the publisher retries every unacknowledged batch (as the edge's buffer does) against the restarted service.
 * Afterwards the CDRs equal the calls made: none lost, none duplicated, each equal to the fold of its events.
 */
class KillRestartDurabilityIT {
    private static final String URL = System.getProperty("cdr.test.postgresql.url",
            "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String USER = System.getProperty("cdr.test.postgresql.user", "postgres");
    private static final int CALLS = 400;
    private static final int BATCH = 8;

    private String schema;
    private int grpcPort;
    private int httpPort;
    private Process service;
    private Path log;

    @BeforeEach
    void setUp() throws Exception {
        schema = "cdr_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        sql("CREATE SCHEMA " + schema);
        grpcPort = freePort();
        httpPort = freePort();
        log = Files.createTempFile(Path.of("target"), "cdr-it-", ".log");
    }

    @AfterEach
    void tearDown() throws Exception {
        if (service != null) {
            service.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        sql("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }

    @Test
    void cdrsEqualTheCallsMadeAfterSigkillWhileEventsStreamIn() throws Exception {
        // Calls of the last minutes: none is overdue for orphan closing while its end is still in flight.
        Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(600);
        List<CallEvent> events = new ArrayList<>();
        for (int i = 0; i < CALLS; i++) {
            boolean answered = i % 3 != 0;
            events.addAll(Traffic.call("kill-" + i, "edge-" + (i % 2), "cust-" + (i % 4), "carrier-" + (i % 3),
                    start.plusSeconds(i), 900, answered ? 2_000 : -1, 5_000 + i, answered ? 200 : 486));
        }
        List<CallEvent> order = new ArrayList<>(events);
        Collections.shuffle(order, new Random(3));

        service = start();
        ManagedChannel channel = ManagedChannelBuilder.forAddress("127.0.0.1", grpcPort).usePlaintext().build();
        CountDownLatch quarterAcknowledged = new CountDownLatch(order.size() / BATCH / 4);
        AtomicInteger retries = new AtomicInteger();
        try {
            CompletableFuture<Integer> publisher = CompletableFuture.supplyAsync(() -> {
                int stored = 0;
                for (int i = 0; i < order.size(); i += BATCH) {
                    PublishBatchRequest batch = PublishBatchRequest.newBuilder().addAllEvents(order
                            .subList(i, Math.min(order.size(), i + BATCH)).stream().map(ProtoEvents::toWire)
                            .toList()).build();
                    while (true) {
                        try {
                            // Wait-for-ready: while the service is down, the call waits for it to come back.
                            stored += CdrIngestGrpc.newBlockingStub(channel).withWaitForReady()
                                    .withDeadlineAfter(60, TimeUnit.SECONDS).publishBatch(batch).getStored();
                            quarterAcknowledged.countDown();
                            break;
                        } catch (StatusRuntimeException e) {
                            retries.incrementAndGet();
                        }
                    }
                }
                return stored;
            });
            assertTrue(quarterAcknowledged.await(60, TimeUnit.SECONDS), "publisher made no progress");
            service.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no graceful close
            service.waitFor(30, TimeUnit.SECONDS);
            service = start();

            int stored = publisher.get(120, TimeUnit.SECONDS);

            // A batch committed just before the kill but not acknowledged is resent and counted as duplicates.
            assertTrue(stored <= events.size());
            assertTrue(retries.get() >= 1, "the kill should have failed at least one publish");
        } finally {
            channel.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
        }

        Map<String, List<CallEvent>> byCall = new HashMap<>();
        events.forEach(e -> byCall.computeIfAbsent(e.callId(), k -> new ArrayList<>()).add(e));
        try (Connection c = DriverManager.getConnection(URL + "?currentSchema=" + schema, USER, "");
                Statement s = c.createStatement()) {
            assertEquals(events.size(), count(s, "SELECT COUNT(*) FROM call_event"));
            assertEquals(CALLS, count(s, "SELECT COUNT(*) FROM cdr"));
            assertEquals(CALLS, count(s, "SELECT COUNT(DISTINCT call_id) FROM cdr"));
            try (ResultSet r = s.executeQuery("SELECT call_id, disposition, billable_seconds, event_count FROM cdr")) {
                while (r.next()) {
                    Cdr expected = CallEvents.fold(byCall.get(r.getString(1)));
                    assertEquals(expected.disposition(), Disposition.valueOf(r.getString(2)), r.getString(1));
                    assertEquals(expected.billableSeconds(), r.getLong(3), r.getString(1));
                    assertEquals(expected.eventCount(), r.getInt(4), r.getString(1));
                }
            }
        }
    }

    private Process start() throws IOException {
        String jar = System.getProperty("cdr.it.app", "target/quarkus-app/quarkus-run.jar");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return new ProcessBuilder(java.toString(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Dquarkus.datasource.postgresql.jdbc.url=" + URL + "?currentSchema=" + schema,
                "-Dquarkus.datasource.postgresql.username=" + USER,
                "-Dquarkus.datasource.embedded.active=false",
                "-Dquarkus.grpc.server.host=127.0.0.1", "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.grpc.server.port=" + grpcPort, "-Dquarkus.http.port=" + httpPort,
                "-Dquarkus.otel.sdk.disabled=true", "-Dcdr.api.tokens=it-token",
                "-jar", jar)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void sql(String statement) throws SQLException {
        try (Connection c = DriverManager.getConnection(URL, USER, ""); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

}
