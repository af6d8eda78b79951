package io.sipplatform.cdr.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sipplatform.cdr.domain.CallEvent;
import io.sipplatform.cdr.domain.CallEvents;
import io.sipplatform.cdr.domain.Cdr;
import io.sipplatform.cdr.fixture.Traffic;
import io.sipplatform.cdr.grpc.ProtoEvents;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Day partitioning on both databases: every row of a call carries the UTC day of the call's start (on PostgreSQL
 * it therefore sits in that day's partition, checked by the subclass), across midnight and when a late attempt moves
 * the start; replays stay exact; retention removes whole days.
 */
abstract class DayPartitionContract {
    /** The test day; its midnight is crossed by the calls below. */
    static final LocalDate DAY = LocalDate.parse("2026-11-20");
    static final Instant BEFORE_MIDNIGHT = Instant.parse("2026-11-20T23:59:50Z");
    static final Instant NOW = Instant.parse("2026-11-21T08:00:00Z");

    DataSource dataSource;
    CdrStore store;

    abstract DataSource open();

    /** Another fresh database, migrated up to the version only. */
    abstract DataSource openAt(String version);

    /** Migrates a database opened by {@link #openAt} to the latest version. */
    void migrate(DataSource ds) {
        TestDatabases.migrate(ds, null);
    }

    void close() {
    }

    /** Whether the database partitions the tables (PostgreSQL). */
    abstract boolean partitioned();

    /** The partitions (on H2: the tables) holding the call's rows. */
    abstract Set<String> placesOf(String callId) throws SQLException;

    /** The places rows of the given tables must occupy for a call that started on {@code day}. */
    abstract Set<String> placesOfDay(LocalDate day, String... tables);

    static final String[] ALL = {"call_event", "cdr", "cdr_leg"};

    @BeforeEach
    void setUp() {
        dataSource = open();
        store = new CdrStore(dataSource, new ProtoEvents(), InstantSource.fixed(NOW));
        // Partitions from the 19th (the day before the test day) to the 22nd.
        maintenance(Instant.parse("2026-11-20T00:00:00Z"), 0).run();
    }

    @AfterEach
    void tearDown() {
        close();
    }

    PartitionMaintenance maintenance(Instant now, int retentionDays) {
        return new PartitionMaintenance(dataSource, InstantSource.fixed(now), 2, retentionDays);
    }

    /** Answered call from 23:59:50 to 00:00:20 the next day (answer at +4 s, BYE at +30 s). */
    static List<CallEvent> crossMidnight(String callId) {
        return Traffic.call(callId, "edge-1", "cust-1", "carrier-a", BEFORE_MIDNIGHT, 1_000, 4_000, 30_000, 200);
    }

    @Test
    void callCrossingMidnightKeepsEveryRowInItsStartDay() throws SQLException {
        List<CallEvent> events = crossMidnight("call-x");
        store.ingest(events);

        Cdr cdr = store.find("call-x").orElseThrow();
        assertEquals(CallEvents.fold(events), cdr);
        assertEquals(26, cdr.billableSeconds());
        assertEquals(Set.of(DAY), daysOf("call-x"));
        assertEquals(placesOfDay(DAY, ALL), placesOf("call-x"));
        CdrQueries queries = new CdrQueries(dataSource);
        assertEquals(List.of("call-x"), callIds(queries, Instant.parse("2026-11-20T23:00:00Z"),
                Instant.parse("2026-11-21T01:00:00Z")));
        assertEquals(List.of(), callIds(queries, Instant.parse("2026-11-21T00:00:00Z"),
                Instant.parse("2026-11-21T01:00:00Z")));
        assertEquals(1, queries.hourly(Instant.parse("2026-11-20T23:00:00Z"), Instant.parse("2026-11-21T00:00:00Z"),
                AggregateKey.CUSTOMER).get(0).attempts());
    }

    @Test
    void lateAttemptMovesTheCallToTheDayItStartedAndReplaysChangeNothing() throws SQLException {
        List<CallEvent> events = crossMidnight("call-late");
        Instant midnight = DAY.plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        List<CallEvent> afterMidnight = events.stream().filter(e -> !e.time().isBefore(midnight)).toList();
        List<CallEvent> beforeMidnight = events.stream().filter(e -> e.time().isBefore(midnight)).toList();
        // The end and media reports (after midnight) arrive first, so the call is first seen on the next day.
        store.ingest(afterMidnight);
        assertEquals(Set.of(DAY.plusDays(1)), daysOf("call-late"));
        // No leg attempt yet, so no cdr_leg row.
        assertEquals(placesOfDay(DAY.plusDays(1), "call_event", "cdr"), placesOf("call-late"));

        IngestOutcome late = store.ingest(beforeMidnight);
        assertEquals(beforeMidnight.size(), late.stored());
        Cdr cdr = store.find("call-late").orElseThrow();
        assertEquals(CallEvents.fold(events), cdr);
        assertEquals(Set.of(DAY), daysOf("call-late"));
        assertEquals(placesOfDay(DAY, ALL), placesOf("call-late"));

        IngestOutcome replay = store.ingest(events);
        assertEquals(0, replay.stored());
        assertEquals(events.size(), replay.duplicates());
        assertEquals(cdr, store.find("call-late").orElseThrow());
        assertEquals(events.size(), count("SELECT COUNT(*) FROM call_event"));
        assertEquals(1, count("SELECT COUNT(*) FROM cdr"));
        assertEquals(1, count("SELECT COUNT(*) FROM cdr_call"));
    }

    @Test
    void concurrentFirstEventsOfOneCallOnTwoDaysMakeOneCdr() throws Exception {
        List<CallEvent> events = crossMidnight("call-race");
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        // Each publisher sends one event alone: half of them are first seen after midnight, half before.
        for (CallEvent e : events) {
            Thread t = new Thread(() -> {
                try {
                    store.ingest(List.of(e));
                } catch (Throwable x) {
                    failures.add(x);
                }
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join(30_000);
        }
        assertEquals(List.of(), failures);
        assertEquals(CallEvents.fold(events), store.find("call-race").orElseThrow());
        assertEquals(Set.of(DAY), daysOf("call-race"));
        assertEquals(events.size(), count("SELECT COUNT(*) FROM call_event"));
        assertEquals(1, count("SELECT COUNT(*) FROM cdr"));
    }

    @Test
    void retentionRemovesWholeDaysOlderThanItAndKeepsTheRest() throws SQLException {
        store.ingest(Traffic.call("call-old", "edge-1", "cust-1", "carrier-a", Instant.parse("2026-11-19T12:00:00Z"),
                1_000, 4_000, 30_000, 200));
        store.ingest(crossMidnight("call-kept"));

        // On 2026-11-22 with 2 days of retention, the 19th goes and the 20th stays.
        PartitionMaintenance.Changes changes = maintenance(Instant.parse("2026-11-22T03:00:00Z"), 2).run();

        assertEquals(Optional.empty(), store.find("call-old"));
        assertTrue(store.find("call-kept").isPresent());
        assertEquals(Set.of(), daysOf("call-old"));
        assertEquals(1, count("SELECT COUNT(*) FROM cdr"));
        assertEquals(1, count("SELECT COUNT(*) FROM cdr_call"));
        assertEquals(partitioned() ? List.of(DAY.minusDays(1)) : List.of(), changes.dropped());
        assertEquals(partitioned() ? List.of(LocalDate.parse("2026-11-23"), LocalDate.parse("2026-11-24"))
                : List.of(), changes.created());
        assertEquals(crossMidnight("call-kept").size(), count("SELECT COUNT(*) FROM call_event"));
    }

    @Test
    void retentionZeroKeepsEveryDay() throws SQLException {
        store.ingest(Traffic.call("call-old", "edge-1", "cust-1", "carrier-a", Instant.parse("2025-01-01T12:00:00Z"),
                1_000, 4_000, 30_000, 200));

        PartitionMaintenance.Changes changes = maintenance(NOW, 0).run();

        assertEquals(List.of(), changes.dropped());
        assertTrue(store.find("call-old").isPresent());
    }

    @Test
    void migrationFromVersion1KeepsEveryRowAndItsIdempotencyKey() throws SQLException {
        DataSource v1 = openAt("1");
        List<CallEvent> events = crossMidnight("call-v1");
        ProtoEvents codec = new ProtoEvents();
        // The call as version 1 stored it: every event but the last media report, its CDR row with id 41.
        try (Connection c = v1.getConnection()) {
            for (CallEvent e : events.subList(0, events.size() - 1)) {
                try (PreparedStatement s = c.prepareStatement("INSERT INTO call_event (call_id, leg, sequence, kind, "
                        + "edge_id, event_time, received_at, payload) VALUES (?,?,?,?,?,?,?,?)")) {
                    s.setString(1, e.callId());
                    s.setInt(2, e.key().leg());
                    s.setInt(3, e.key().sequence());
                    s.setString(4, e.body().kind());
                    s.setString(5, e.edgeId());
                    Sql.instant(s, 6, e.time());
                    Sql.instant(s, 7, NOW);
                    s.setBytes(8, codec.encode(e));
                    s.executeUpdate();
                }
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO cdr (id, call_id, start_time, start_hour, "
                    + "updated_at) VALUES (41, 'call-v1', ?, ?, ?)")) {
                Sql.instant(s, 1, BEFORE_MIDNIGHT);
                Sql.instant(s, 2, BEFORE_MIDNIGHT);
                Sql.instant(s, 3, NOW);
                s.executeUpdate();
            }
        }

        migrate(v1);
        dataSource = v1;
        store = new CdrStore(v1, codec, InstantSource.fixed(NOW));

        assertEquals(Set.of(DAY), daysOf("call-v1"));
        assertEquals(placesOfDay(DAY, "call_event", "cdr"), placesOf("call-v1"));
        IngestOutcome replay = store.ingest(events);
        assertEquals(placesOfDay(DAY, ALL), placesOf("call-v1"));
        assertEquals(1, replay.stored());
        assertEquals(events.size() - 1, replay.duplicates());
        assertEquals(CallEvents.fold(events), store.find("call-v1").orElseThrow());
        store.ingest(crossMidnight("call-new"));
        assertEquals(41, count("SELECT id FROM cdr WHERE call_id = 'call-v1'"));
        assertEquals(42, count("SELECT id FROM cdr WHERE call_id = 'call-new'"));
    }

    /** Days found in start_day of every table holding the call. */
    Set<LocalDate> daysOf(String callId) throws SQLException {
        Set<LocalDate> days = new TreeSet<>();
        try (Connection c = dataSource.getConnection()) {
            for (String table : List.of("call_event", "cdr", "cdr_leg", "cdr_call")) {
                try (PreparedStatement s = c.prepareStatement(
                        "SELECT DISTINCT start_day FROM " + table + " WHERE call_id = ?")) {
                    s.setString(1, callId);
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) {
                            days.add(r.getObject(1, LocalDate.class));
                        }
                    }
                }
            }
        }
        return days;
    }

    long count(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql);
                ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    private static List<String> callIds(CdrQueries queries, Instant from, Instant to) {
        return queries.list(new CdrFilter(Optional.of(from), Optional.of(to), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty()), Optional.empty(), 10).items().stream()
                .map(Cdr::callId).toList();
    }
}
