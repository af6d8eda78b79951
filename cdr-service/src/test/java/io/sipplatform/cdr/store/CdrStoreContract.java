package io.sipplatform.cdr.store;

import static io.sipplatform.cdr.fixture.Traffic.HOUR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sipplatform.cdr.domain.CallEvent;
import io.sipplatform.cdr.domain.CallEvents;
import io.sipplatform.cdr.domain.Cdr;
import io.sipplatform.cdr.domain.CdrState;
import io.sipplatform.cdr.domain.Disposition;
import io.sipplatform.cdr.domain.EventBody;
import io.sipplatform.cdr.domain.EventKey;
import io.sipplatform.cdr.domain.OrphanSweep;
import io.sipplatform.cdr.fixture.Traffic;
import io.sipplatform.cdr.grpc.ProtoEvents;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The store's guarantees, run against PostgreSQL and against H2 in PostgreSQL mode. */
abstract class CdrStoreContract {
    private static final Instant NOW = HOUR.plus(Duration.ofHours(6));

    DataSource dataSource;
    CdrStore store;
    CdrQueries queries;

    abstract DataSource open();

    void close() {
    }

    @BeforeEach
    void setUp() {
        dataSource = open();
        store = new CdrStore(dataSource, new ProtoEvents(), InstantSource.fixed(NOW));
        queries = new CdrQueries(dataSource);
    }

    @AfterEach
    void tearDown() {
        close();
    }

    private Cdr stored(String callId) {
        return store.find(callId).orElseThrow();
    }

    private static Cdr folded(List<CallEvent> events, String callId) {
        return CallEvents.fold(events.stream().filter(e -> e.callId().equals(callId)).toList());
    }

    @Test
    void storedCdrEqualsTheFoldOfItsEvents() {
        List<CallEvent> events = Traffic.hour();
        IngestOutcome outcome = store.ingest(events);

        assertEquals(events.size(), outcome.stored());
        assertEquals(0, outcome.duplicates());
        for (String callId : List.of("call-a", "call-b", "call-c", "call-d", "call-e")) {
            assertEquals(folded(events, callId), stored(callId), callId);
        }
        assertEquals(1, stored("call-a").legs().size());
    }

    @Test
    void replayedBatchIsCountedAsDuplicatesAndChangesNothing() {
        List<CallEvent> events = Traffic.hour();
        store.ingest(events);
        Cdr before = stored("call-a");

        IngestOutcome replay = store.ingest(events);

        assertEquals(0, replay.stored());
        assertEquals(events.size(), replay.duplicates());
        assertTrue(replay.written().isEmpty());
        assertEquals(before, stored("call-a"));
        assertEquals(events.size(), count("SELECT COUNT(*) FROM call_event"));
        assertEquals(5, count("SELECT COUNT(*) FROM cdr"));
    }

    @Test
    void eventsOutOfOrderOneByOneGiveTheSameCdrs() {
        List<CallEvent> events = new ArrayList<>(Traffic.hour());
        Collections.shuffle(events, new Random(11));
        for (CallEvent e : events) {
            store.ingest(List.of(e));
        }
        for (String callId : List.of("call-a", "call-b", "call-c", "call-d", "call-e")) {
            assertEquals(folded(events, callId), stored(callId), callId);
        }
    }

    @Test
    void twoEdgesPublishingTheSameCallsConcurrentlyStoreEachEventOnce() throws Exception {
        List<CallEvent> events = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            events.addAll(Traffic.call("race-" + i, "edge-1", "cust-1", "carrier-a", HOUR.plusSeconds(i), 1_000,
                    2_000, 9_000, 200));
        }
        // Each replica sends every event (as after a failover), in its own order and batch sizes.
        List<CallEvent> first = new ArrayList<>(events);
        List<CallEvent> second = new ArrayList<>(events);
        Collections.shuffle(first, new Random(1));
        Collections.shuffle(second, new Random(2));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> results = pool.invokeAll(List.of(publisher(first, 3), publisher(second, 5)));
            int stored = results.get(0).get() + results.get(1).get();
            assertEquals(events.size(), stored);
        } finally {
            pool.shutdownNow();
        }
        for (int i = 0; i < 20; i++) {
            assertEquals(folded(events, "race-" + i), stored("race-" + i));
        }
    }

    private Callable<Integer> publisher(List<CallEvent> events, int batch) {
        return () -> {
            int stored = 0;
            for (int i = 0; i < events.size(); i += batch) {
                stored += store.ingest(events.subList(i, Math.min(events.size(), i + batch))).stored();
            }
            return stored;
        };
    }

    @Test
    void batchWithAnEventTheDatabaseRefusesStoresNothing() {
        List<CallEvent> events = new ArrayList<>(Traffic.call("ok-call", "edge-1", "cust-1", "carrier-a", HOUR, 1_000,
                2_000, 9_000, 200));
        events.add(new CallEvent(new EventKey("bad-call", 0, 1), "e".repeat(500), "eu-1", HOUR, "",
                new EventBody.Progress(180, false)));

        assertThrows(StoreFailure.class, () -> store.ingest(events));

        assertEquals(0, count("SELECT COUNT(*) FROM call_event"));
        assertEquals(0, count("SELECT COUNT(*) FROM cdr"));
    }

    @Test
    void orphanIsClosedOnceAndALateEndStillWins() {
        List<CallEvent> events = Traffic.call("orphan", "edge-1", "cust-1", "carrier-a", HOUR, 1_000, 2_000, -1, 0);
        store.ingest(events);
        store.ingest(Traffic.call("fresh", "edge-1", "cust-1", "carrier-a", NOW.minusSeconds(60), 1_000, 2_000, -1,
                0));
        OrphanSweep sweep = new OrphanSweep(Duration.ofHours(4), InstantSource.fixed(NOW));
        assertEquals(2, store.countOpen());

        assertEquals(1, store.closeOrphans(sweep, 100));
        assertEquals(0, store.closeOrphans(sweep, 100));

        Cdr orphan = stored("orphan");
        assertTrue(orphan.orphan());
        assertEquals(CdrState.CLOSED, orphan.state());
        assertEquals(HOUR.plus(Duration.ofHours(4)), orphan.endTime());
        assertEquals(Duration.ofHours(4).minusSeconds(2).getSeconds(), orphan.billableSeconds());
        assertEquals(1, store.countOpen());

        store.ingest(List.of(new CallEvent(new EventKey("orphan", 0, 9), "edge-1", "eu-1", HOUR.plusSeconds(62),
                "", new EventBody.End(200, "", 0, null, null))));
        assertFalse(stored("orphan").orphan());
        assertEquals(60, stored("orphan").billableSeconds());
    }

    @Test
    void listingFiltersAndPagesWithACursorInStartOrder() {
        store.ingest(Traffic.hour());

        CdrPage first = queries.list(CdrFilter.any(), Optional.empty(), 2);
        CdrPage second = queries.list(CdrFilter.any(), first.next(), 2);
        CdrPage third = queries.list(CdrFilter.any(), second.next(), 2);

        assertEquals(List.of("call-a", "call-b"), ids(first));
        assertEquals(List.of("call-c", "call-d"), ids(second));
        assertEquals(List.of("call-e"), ids(third));
        assertTrue(third.next().isEmpty());
        assertEquals(List.of("call-b", "call-d"), ids(queries.list(filter(null, null, "carrier-b", null),
                Optional.empty(), 10)));
        assertEquals(List.of("call-a", "call-c", "call-e"), ids(queries.list(filter(null, null, null,
                Disposition.ANSWERED), Optional.empty(), 10)));
        assertEquals(List.of("call-d"), ids(queries.list(filter("cust-2", null, null, null), Optional.empty(), 10)));
        assertEquals(List.of("call-a", "call-b", "call-c", "call-d"), ids(queries.list(new CdrFilter(
                Optional.of(HOUR), Optional.of(HOUR.plusSeconds(3600)), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty()), Optional.empty(), 10)));
        String callee = stored("call-c").calleeE164();
        assertTrue(ids(queries.list(filter(null, callee, null, null), Optional.empty(), 10)).contains("call-c"));
        assertEquals(5, ids(queries.list(filter(null, "+4930111", null, null), Optional.empty(), 10)).size());
    }

    @Test
    void exportStreamsEveryMatchingCdrInOrder() {
        store.ingest(Traffic.hour());
        List<String> exported = new ArrayList<>();
        queries.export(filter("cust-1", null, null, null), cdr -> exported.add(cdr.callId()));
        assertEquals(List.of("call-a", "call-b", "call-c", "call-e"), exported);
    }

    @Test
    void hourlyAggregatesByCustomerMatchHandComputedValues() {
        store.ingest(Traffic.hour());

        Map<String, HourlyAggregate> rows = byHourAndKey(queries.hourly(HOUR, HOUR.plusSeconds(7200),
                AggregateKey.CUSTOMER));

        assertEquals(3, rows.size());
        assertAggregate(rows.get("10 cust-1"), 3, 2, 2.0 / 3, (60.2 + 30.0) / 2, (1500.0 + 2500 + 1000) / 3);
        assertAggregate(rows.get("10 cust-2"), 1, 0, 0, 0, null);
        assertAggregate(rows.get("11 cust-1"), 1, 1, 1, 10.0, null);
    }

    @Test
    void hourlyAggregatesByCarrierMatchHandComputedValues() {
        store.ingest(Traffic.hour());

        Map<String, HourlyAggregate> rows = byHourAndKey(queries.hourly(HOUR, HOUR.plusSeconds(7200),
                AggregateKey.CARRIER));

        assertEquals(3, rows.size());
        assertAggregate(rows.get("10 carrier-a"), 2, 2, 1, (60.2 + 30.0) / 2, (1500.0 + 1000) / 2);
        assertAggregate(rows.get("10 carrier-b"), 2, 0, 0, 0, 2500.0);
        assertAggregate(rows.get("11 carrier-a"), 1, 1, 1, 10.0, null);
    }

    private static void assertAggregate(HourlyAggregate row, long attempts, long answered, double asr, double acd,
            Double pdd) {
        assertEquals(attempts, row.attempts(), "attempts");
        assertEquals(answered, row.answered(), "answered");
        assertEquals(asr, row.asr(), 1e-9, "ASR");
        assertEquals(acd, row.acdSeconds(), 1e-9, "ACD");
        if (pdd == null) {
            assertNull(row.averagePddMillis(), "PDD");
        } else {
            assertEquals(pdd, row.averagePddMillis(), 1e-9, "PDD");
        }
    }

    private static Map<String, HourlyAggregate> byHourAndKey(List<HourlyAggregate> rows) {
        return rows.stream().collect(Collectors.toMap(
                r -> r.hour().atZone(java.time.ZoneOffset.UTC).getHour() + " " + r.key(), r -> r));
    }

    private static CdrFilter filter(String customer, String number, String carrier, Disposition disposition) {
        return new CdrFilter(Optional.empty(), Optional.empty(), Optional.ofNullable(customer), Optional.empty(),
                Optional.ofNullable(number), Optional.ofNullable(carrier), Optional.ofNullable(disposition));
    }

    private static List<String> ids(CdrPage page) {
        return page.items().stream().map(Cdr::callId).toList();
    }

    private long count(String sql) {
        try (var c = dataSource.getConnection(); var s = c.createStatement(); var r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
