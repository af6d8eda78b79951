package io.sipplatform.cdr.store;

import io.sipplatform.cdr.domain.CallEvent;
import io.sipplatform.cdr.domain.CallEvents;
import io.sipplatform.cdr.domain.Cdr;
import io.sipplatform.cdr.domain.OrphanSweep;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * Idempotent ingestion: in one transaction, lock each call's pin row in {@code cdr_call} (created when new, pinning
 * the call to the day of its start; calls locked in Call-ID order so concurrent batches cannot deadlock), insert the
 * events into that day (a replay hits the primary key and is counted as a duplicate), refold every call that got a
 * new event from all its stored events, move its rows when the fold moved its start to another day, and rewrite its
 * row.
 * The caller may acknowledge only after this method returns: the commit is inside it. Because each call's row is
 * pinned and locked before its events are read, two replicas writing events of the same call serialise and the second sees
 * the first's events.
 */
public final class CdrStore {
    /** Attempts for one transaction that lost a race (serialisation failure, deadlock, concurrent first insert). */
    private static final int ATTEMPTS = 5;

    private final DataSource dataSource;
    private final EventCodec codec;
    private final InstantSource clock;

    public CdrStore(DataSource dataSource, EventCodec codec, InstantSource clock) {
        this.dataSource = dataSource;
        this.codec = codec;
        this.clock = clock;
    }

    /** Stores the events, all or none; returns after the commit. */
    public IngestOutcome ingest(List<CallEvent> events) {
        Map<String, List<CallEvent>> byCall = new TreeMap<>();
        for (CallEvent e : events) {
            byCall.computeIfAbsent(e.callId(), k -> new ArrayList<>()).add(e);
        }
        SQLException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                try {
                    IngestOutcome outcome = ingest(c, byCall);
                    c.commit();
                    return outcome;
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    throw e;
                }
            } catch (SQLException e) {
                if (!retryable(e)) {
                    throw new StoreFailure("storing " + events.size() + " event(s) failed", e);
                }
                last = e;
            }
        }
        throw new StoreFailure("storing " + events.size() + " event(s) lost " + ATTEMPTS + " races", last);
    }

    private IngestOutcome ingest(Connection c, Map<String, List<CallEvent>> byCall) throws SQLException {
        Instant now = clock.instant();
        int stored = 0;
        int duplicates = 0;
        List<Cdr> written = new ArrayList<>();
        try (PreparedStatement pin = c.prepareStatement(
                "INSERT INTO cdr_call (call_id, start_day) VALUES (?, ?) ON CONFLICT DO NOTHING");
                PreparedStatement lock = c.prepareStatement(
                        "SELECT start_day FROM cdr_call WHERE call_id = ? FOR UPDATE");
                PreparedStatement insert = c.prepareStatement("INSERT INTO call_event (start_day, call_id, leg, "
                        + "sequence, kind, edge_id, event_time, received_at, payload) VALUES (?,?,?,?,?,?,?,?,?) "
                        + "ON CONFLICT DO NOTHING")) {
            for (Map.Entry<String, List<CallEvent>> call : byCall.entrySet()) {
                String callId = call.getKey();
                // A new call is pinned to the day of its earliest event so far; the fold below corrects it.
                pin.setString(1, callId);
                pin.setObject(2, DayPartitions.dayOf(call.getValue().stream().map(CallEvent::time)
                        .min(Instant::compareTo).orElseThrow()));
                pin.executeUpdate();
                LocalDate day;
                lock.setString(1, callId);
                try (ResultSet r = lock.executeQuery()) {
                    r.next();
                    day = r.getObject(1, LocalDate.class);
                }
                int fresh = 0;
                for (CallEvent e : call.getValue()) {
                    insert.setObject(1, day);
                    insert.setString(2, callId);
                    insert.setInt(3, e.key().leg());
                    insert.setInt(4, e.key().sequence());
                    insert.setString(5, e.body().kind());
                    insert.setString(6, e.edgeId());
                    Sql.instant(insert, 7, e.time());
                    Sql.instant(insert, 8, now);
                    insert.setBytes(9, codec.encode(e));
                    fresh += insert.executeUpdate();
                }
                stored += fresh;
                duplicates += call.getValue().size() - fresh;
                if (fresh > 0) {
                    Cdr cdr = CallEvents.fold(events(c, callId, day));
                    LocalDate startDay = DayPartitions.dayOf(cdr.startTime());
                    if (!startDay.equals(day)) {
                        // An earlier event (a late attempt) moved the start to another day: the call's rows follow.
                        CdrRows.move(c, callId, day, startDay);
                        day = startDay;
                    }
                    CdrRows.write(c, cdr, day, now);
                    written.add(cdr);
                }
            }
        }
        return new IngestOutcome(stored, duplicates, written);
    }

    private List<CallEvent> events(Connection c, String callId, LocalDate day) throws SQLException {
        List<CallEvent> events = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT payload FROM call_event WHERE call_id = ? AND start_day = ?")) {
            s.setString(1, callId);
            s.setObject(2, day);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    events.add(codec.decode(r.getBytes(1)));
                }
            }
        }
        return events;
    }

    /** The CDR of a call with its legs. */
    public Optional<Cdr> find(String callId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement day = c.prepareStatement("SELECT start_day FROM cdr_call WHERE call_id = ?");
                PreparedStatement s = c.prepareStatement("SELECT " + CdrRows.COLUMNS
                        + " FROM cdr WHERE call_id = ? AND start_day = ?")) {
            // The pin names the one partition holding the call, so the lookup does not probe every day.
            day.setString(1, callId);
            LocalDate startDay;
            try (ResultSet r = day.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                startDay = r.getObject(1, LocalDate.class);
            }
            s.setString(1, callId);
            s.setObject(2, startDay);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(CdrRows.read(r, CdrRows.legs(c, callId, startDay))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreFailure("reading CDR failed", e);
        }
    }

    /** Closes up to {@code limit} overdue open calls, each in its own transaction; returns how many were closed. */
    public int closeOrphans(OrphanSweep sweep, int limit) {
        List<String> overdue = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT call_id FROM cdr WHERE state = 'OPEN' "
                        + "AND start_time < ? ORDER BY start_time LIMIT ?")) {
            Sql.instant(s, 1, sweep.startedBefore());
            s.setInt(2, limit);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    overdue.add(r.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new StoreFailure("finding open calls failed", e);
        }
        int closed = 0;
        for (String callId : overdue) {
            Optional<CallEvent> closing = find(callId).flatMap(sweep::closing);
            // A replica sweeping the same call at the same time writes the same event key: one of them wins.
            if (closing.isPresent() && ingest(List.of(closing.get())).stored() == 1) {
                closed++;
            }
        }
        return closed;
    }

    /** Calls not yet ended (nor closed as orphans). */
    public long countOpen() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM cdr WHERE state = 'OPEN'");
                ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw new StoreFailure("counting open calls failed", e);
        }
    }

    /** true when the database answers a trivial query within the given seconds. */
    public boolean reachable(int timeoutSeconds) {
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(timeoutSeconds);
        } catch (SQLException e) {
            return false;
        }
    }

    private static boolean retryable(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException) {
                String state = ((SQLException) t).getSQLState();
                // 40001 serialization failure, 40P01 deadlock, 23505 two first inserts of one call raced, HYT00 H2
                // lock timeout.
                if ("40001".equals(state) || "40P01".equals(state) || "23505".equals(state)
                        || "HYT00".equals(state)) {
                    return true;
                }
            }
        }
        return false;
    }
}
