package io.sipplatform.cdr.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.sipplatform.cdr.domain.CallEvent;
import io.sipplatform.cdr.domain.Disposition;
import io.sipplatform.cdr.fixture.Traffic;
import io.sipplatform.cdr.grpc.ProtoEvents;
import io.sipplatform.cdr.store.AggregateKey;
import io.sipplatform.cdr.store.CdrFilter;
import io.sipplatform.cdr.store.CdrPage;
import io.sipplatform.cdr.store.CdrQueries;
import io.sipplatform.cdr.store.PartitionMaintenance;
import io.sipplatform.proto.cdr.v1.CdrIngestGrpc;
import io.sipplatform.proto.cdr.v1.PublishBatchRequest;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Events/s into the packaged service on PostgreSQL (4 publishers, batches of 100), and query latency with 10 million
 * CDRs generated in SQL. Prints results; run with {@code ./mvnw -o -pl cdr-service verify -Dcdr.bench=true
 * -Dit.test=CdrBenchmarkIT}.
 */
@EnabledIfSystemProperty(named = "cdr.bench", matches = "true")
class CdrBenchmarkIT {
    private static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";
    private static final String USER = "postgres";
    private static final int CALLS = Integer.getInteger("cdr.bench.calls", 20_000);
    private static final int ROWS = Integer.getInteger("cdr.bench.rows", 10_000_000);

    @Test
    void ingestionRateIntoThePackagedServiceOnPostgresql() throws Exception {
        String schema = "cdr_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        sql(URL, "CREATE SCHEMA " + schema);
        int grpcPort = freePort();
        Process service = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.datasource.postgresql.jdbc.url=" + URL + "?currentSchema=" + schema,
                "-Dquarkus.datasource.postgresql.username=" + USER, "-Dquarkus.datasource.embedded.active=false",
                "-Dquarkus.grpc.server.host=127.0.0.1", "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.grpc.server.port=" + grpcPort, "-Dquarkus.http.port=" + freePort(),
                "-Dquarkus.otel.sdk.disabled=true", "-jar",
                System.getProperty("cdr.it.app", "target/quarkus-app/quarkus-run.jar"))
                .redirectErrorStream(true).redirectOutput(Files.createTempFile(Path.of("target"), "bench-", ".log")
                        .toFile()).start();
        ManagedChannel channel = ManagedChannelBuilder.forAddress("127.0.0.1", grpcPort).usePlaintext().build();
        try {
            Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(3600);
            List<PublishBatchRequest> batches = new ArrayList<>();
            PublishBatchRequest.Builder batch = PublishBatchRequest.newBuilder();
            int events = 0;
            for (int i = 0; i < CALLS; i++) {
                for (CallEvent e : Traffic.call("bench-" + i, "edge-1", "cust-" + (i % 100), "carrier-" + (i % 10),
                        start.plusMillis(i), 900, i % 3 == 0 ? -1 : 2_000, 30_000, 486)) {
                    batch.addEvents(ProtoEvents.toWire(e));
                    events++;
                    if (batch.getEventsCount() == 100) {
                        batches.add(batch.build());
                        batch = PublishBatchRequest.newBuilder();
                    }
                }
            }
            if (batch.getEventsCount() > 0) {
                batches.add(batch.build());
            }
            // Warm-up (JIT, connection pool), not counted.
            CdrIngestGrpc.newBlockingStub(channel).withWaitForReady().withDeadlineAfter(60, TimeUnit.SECONDS)
                    .publishBatch(batches.get(0));
            ExecutorService pool = Executors.newFixedThreadPool(4);
            long t0 = System.nanoTime();
            List<Future<?>> done = new ArrayList<>();
            for (int p = 0; p < 4; p++) {
                int first = p;
                done.add(pool.submit(() -> {
                    for (int b = 1 + first; b < batches.size(); b += 4) {
                        CdrIngestGrpc.newBlockingStub(channel).withDeadlineAfter(60, TimeUnit.SECONDS)
                                .publishBatch(batches.get(b));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            pool.shutdown();
            System.out.printf("BENCH ingest: %d events of %d calls in %.1f s = %.0f events/s%n", events, CALLS,
                    seconds, (events - batches.get(0).getEventsCount()) / seconds);
        } finally {
            channel.shutdownNow();
            service.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            sql(URL, "DROP SCHEMA " + schema + " CASCADE");
        }
    }

    @Test
    void queryLatencyAtTenMillionCdrs() throws Exception {
        String schema = "cdr_bench_q_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        sql(URL, "CREATE SCHEMA " + schema);
        try {
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setURL(URL + "?currentSchema=" + schema);
            ds.setUser(USER);
            Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
            // Day partitions 2026-09-30 to 2026-11-01, as the service's maintenance job would have made them.
            new PartitionMaintenance(ds, InstantSource.fixed(Instant.parse("2026-10-01T00:00:00Z")), 31, 0).run();
            long t0 = System.nanoTime();
            // One CDR every 250 ms from 2026-10-01: 10 M rows span about 29 days; 1000 customers, 50 carriers.
            sql(ds.getURL(), "INSERT INTO cdr (start_day, call_id, site, state, customer_id, trunk_id, direction, caller_e164, "
                    + "callee_e164, carrier_id, gateway_id, start_time, start_hour, progress_time, answer_time, "
                    + "end_time, duration_ms, talk_ms, billable_seconds, pdd_ms, final_code, disposition, "
                    + "hangup_side, end_cause, event_count, updated_at) "
                    + "SELECT CAST((ts AT TIME ZONE 'UTC') AS DATE), 'bench-' || g, 'eu-1', 'CLOSED', 'cust-' || (g % 1000), 'trunk-' || (g % 1000), "
                    + "'OUTBOUND', '+4930' || (g % 100000), '+4940' || g, 'carrier-' || (g % 50), 'gw', ts, "
                    + "date_trunc('hour', ts), ts + interval '2 s', "
                    + "CASE WHEN g % 10 < 6 THEN ts + interval '5 s' END, ts + interval '65 s', 65000, "
                    + "CASE WHEN g % 10 < 6 THEN 60000 END, CASE WHEN g % 10 < 6 THEN 60 ELSE 0 END, 2000, "
                    + "CASE WHEN g % 10 < 6 THEN 200 ELSE 486 END, "
                    + "CASE WHEN g % 10 < 6 THEN 'ANSWERED' ELSE 'BUSY' END, 'CALLER', 'BYE', 6, now() "
                    + "FROM generate_series(1, " + ROWS + ") g, "
                    + "LATERAL (SELECT timestamptz '2026-10-01 00:00:00+00' + g * interval '250 ms' AS ts) t");
            sql(ds.getURL(), "INSERT INTO cdr_call (call_id, start_day) SELECT call_id, start_day FROM cdr");
            sql(ds.getURL(), "ANALYZE cdr");
            sql(ds.getURL(), "ANALYZE cdr_call");
            System.out.printf("BENCH generate: %d rows in %.0f s%n", ROWS, (System.nanoTime() - t0) / 1e9);
            CdrQueries queries = new CdrQueries(ds);
            Instant day = Instant.parse("2026-10-15T00:00:00Z");
            CdrFilter customerDay = new CdrFilter(Optional.of(day), Optional.of(day.plusSeconds(86_400)),
                    Optional.of("cust-42"), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
            CdrFilter hourAll = new CdrFilter(Optional.of(day), Optional.of(day.plusSeconds(3600)), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
            CdrFilter carrierBusyDay = new CdrFilter(Optional.of(day), Optional.of(day.plusSeconds(86_400)),
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("carrier-7"),
                    Optional.of(Disposition.BUSY));
            CdrFilter numberDay = new CdrFilter(Optional.of(day), Optional.of(day.plusSeconds(86_400)),
                    Optional.empty(), Optional.empty(), Optional.of("+4930420"), Optional.empty(), Optional.empty());
            CdrPage first = queries.list(hourAll, Optional.empty(), 100);
            assertEquals(100, first.items().size());
            report("list 100, one hour, no filter", () -> queries.list(hourAll, Optional.empty(), 100));
            report("list 100, next page by cursor", () -> queries.list(hourAll, first.next(), 100));
            report("list 100, customer + one day", () -> queries.list(customerDay, Optional.empty(), 100));
            report("list 100, carrier + busy + one day", () -> queries.list(carrierBusyDay, Optional.empty(), 100));
            report("list 100, calling number + one day", () -> queries.list(numberDay, Optional.empty(), 100));
            report("hourly by carrier, one day", () -> queries.hourly(day, day.plusSeconds(86_400),
                    AggregateKey.CARRIER));
            report("hourly by customer, one day", () -> queries.hourly(day, day.plusSeconds(86_400),
                    AggregateKey.CUSTOMER));
        } finally {
            sql(URL, "DROP SCHEMA " + schema + " CASCADE");
        }
    }

    private static void report(String name, Supplier<?> query) {
        query.get();
        long[] millis = new long[11];
        for (int i = 0; i < millis.length; i++) {
            long t = System.nanoTime();
            query.get();
            millis[i] = (System.nanoTime() - t) / 1_000_000;
        }
        Arrays.sort(millis);
        System.out.printf("BENCH query %-40s median %d ms, max %d ms%n", name, millis[5], millis[10]);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void sql(String url, String statement) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, USER, ""); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }
}
