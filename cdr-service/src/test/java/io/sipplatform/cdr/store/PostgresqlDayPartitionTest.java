package io.sipplatform.cdr.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sipplatform.cdr.domain.CallEvent;
import io.sipplatform.cdr.domain.CallEvents;
import io.sipplatform.cdr.fixture.Traffic;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Day partitioning on the real PostgreSQL server: rows land in the partition of their call's start day. */
class PostgresqlDayPartitionTest extends DayPartitionContract {
    private final List<String> schemas = new ArrayList<>();

    @Override
    DataSource open() {
        String schema = TestDatabases.newSchemaName();
        schemas.add(schema);
        return TestDatabases.postgresql(schema);
    }

    @Override
    DataSource openAt(String version) {
        String schema = TestDatabases.newSchemaName();
        schemas.add(schema);
        return TestDatabases.postgresqlAt(schema, version);
    }

    @Override
    void close() {
        schemas.forEach(TestDatabases::dropPostgresql);
    }

    @Override
    boolean partitioned() {
        return true;
    }

    @Override
    Set<String> placesOf(String callId) throws SQLException {
        Set<String> places = new TreeSet<>();
        try (Connection c = dataSource.getConnection()) {
            for (String table : DayPartitions.TABLES) {
                try (PreparedStatement s = c.prepareStatement(
                        "SELECT DISTINCT tableoid::regclass::text FROM " + table + " WHERE call_id = ?")) {
                    s.setString(1, callId);
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) {
                            places.add(r.getString(1));
                        }
                    }
                }
            }
        }
        return places;
    }

    @Override
    Set<String> placesOfDay(LocalDate day, String... tables) {
        return Stream.of(tables).map(t -> DayPartitions.partitionName(t, day))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void tablesArePartitionedByRangeOnTheStartDay() throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT pg_get_partkeydef(CAST(? AS regclass))")) {
            for (String table : DayPartitions.TABLES) {
                s.setString(1, table);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    assertEquals("RANGE (start_day)", r.getString(1), table);
                }
            }
        }
        assertEquals(List.of(LocalDate.parse("2026-11-19"), LocalDate.parse("2026-11-20"),
                LocalDate.parse("2026-11-21"), LocalDate.parse("2026-11-22")),
                List.copyOf(days()));
    }

    @Test
    void callOnADayWithoutPartitionWaitsInTheDefaultPartitionAndMovesWhenItsDayIsCreated() throws SQLException {
        Instant start = Instant.parse("2026-12-24T18:00:00Z");
        List<CallEvent> events = Traffic.call("call-xmas", "edge-1", "cust-1", "carrier-a", start, 1_000, 4_000,
                30_000, 200);
        store.ingest(events);
        assertEquals(Set.of("call_event_default", "cdr_default", "cdr_leg_default"), placesOf("call-xmas"));

        PartitionMaintenance.Changes changes = maintenance(Instant.parse("2026-12-23T12:00:00Z"), 0).run();

        assertEquals(List.of(LocalDate.parse("2026-12-22"), LocalDate.parse("2026-12-23"),
                LocalDate.parse("2026-12-24"), LocalDate.parse("2026-12-25")), changes.created());
        assertEquals(placesOfDay(LocalDate.parse("2026-12-24"), ALL), placesOf("call-xmas"));
        assertEquals(CallEvents.fold(events), store.find("call-xmas").orElseThrow());
        assertEquals(events.size(), store.ingest(events).duplicates());
        assertEquals(0, count("SELECT COUNT(*) FROM cdr_default"));
    }

    @Test
    void maintenanceRunTwiceChangesNothingTheSecondTime() {
        PartitionMaintenance.Changes again = maintenance(Instant.parse("2026-11-20T00:00:00Z"), 0).run();
        assertEquals(List.of(), again.created());
        assertEquals(List.of(), again.dropped());
    }

    private TreeSet<LocalDate> days() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return DayPartitions.days(c);
        }
    }
}
