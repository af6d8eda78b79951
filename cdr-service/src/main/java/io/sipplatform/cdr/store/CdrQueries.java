package io.sipplatform.cdr.store;

import io.sipplatform.cdr.domain.Cdr;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;

/** Read side: filtered listings with keyset pagination, streamed export, hourly aggregates. */
public final class CdrQueries {
    /** Rows fetched per round trip while exporting, so an export never holds the whole result in memory. */
    private static final int EXPORT_FETCH_SIZE = 500;

    private final DataSource dataSource;

    public CdrQueries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Up to {@code limit} CDRs matching the filter after the cursor, in (start time, id) order, without legs. */
    public CdrPage list(CdrFilter filter, Optional<PageCursor> after, int limit) {
        Where where = where(filter);
        if (after.isPresent()) {
            where.and("start_day >= ?", DayPartitions.dayOf(after.get().startTime()));
            where.clause.append(" AND (start_time > ? OR (start_time = ? AND id > ?))");
            where.values.add(after.get().startTime());
            where.values.add(after.get().startTime());
            where.values.add(after.get().id());
        }
        String sql = "SELECT " + CdrRows.COLUMNS + " FROM cdr" + where.clause + " ORDER BY start_time, id LIMIT ?";
        where.values.add(limit + 1);
        List<Cdr> items = new ArrayList<>();
        PageCursor last = null;
        boolean more = false;
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            where.bind(s);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    if (items.size() == limit) {
                        more = true;
                        break;
                    }
                    Cdr cdr = CdrRows.read(r, List.of());
                    items.add(cdr);
                    last = new PageCursor(cdr.startTime(), r.getLong("id"));
                }
            }
        } catch (SQLException e) {
            throw new StoreFailure("listing CDRs failed", e);
        }
        return new CdrPage(items, more ? Optional.of(last) : Optional.empty());
    }

    /** Hands every matching CDR, in (start time, id) order, to the sink while reading them from a cursor. */
    public void export(CdrFilter filter, Consumer<Cdr> sink) {
        Where where = where(filter);
        String sql = "SELECT " + CdrRows.COLUMNS + " FROM cdr" + where.clause + " ORDER BY start_time, id";
        try (Connection c = dataSource.getConnection()) {
            // PostgreSQL streams with a fetch size only inside a transaction.
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setFetchSize(EXPORT_FETCH_SIZE);
                where.bind(s);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        sink.accept(CdrRows.read(r, List.of()));
                    }
                }
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new StoreFailure("exporting CDRs failed", e);
        }
    }

    /** Hourly aggregates of calls started in [from, to), by hour then key. */
    public List<HourlyAggregate> hourly(Instant from, Instant to, AggregateKey by) {
        String sql = "SELECT start_hour, " + by.column + " AS k, COUNT(*) AS attempts, "
                + "SUM(CASE WHEN disposition = 'ANSWERED' THEN 1 ELSE 0 END) AS answered, "
                + "SUM(CASE WHEN disposition = 'ANSWERED' THEN COALESCE(talk_ms, 0) ELSE 0 END) AS talk, "
                + "SUM(pdd_ms) AS pdd_sum, COUNT(pdd_ms) AS pdd_count "
                + "FROM cdr WHERE start_time >= ? AND start_time < ? AND start_day >= ? AND start_day <= ? "
                + "GROUP BY start_hour, " + by.column + " ORDER BY start_hour, " + by.column;
        List<HourlyAggregate> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            Sql.instant(s, 1, from);
            Sql.instant(s, 2, to);
            s.setObject(3, DayPartitions.dayOf(from));
            s.setObject(4, DayPartitions.dayOf(to));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    long attempts = r.getLong("attempts");
                    long answered = r.getLong("answered");
                    long talk = r.getLong("talk");
                    long pddCount = r.getLong("pdd_count");
                    rows.add(new HourlyAggregate(Sql.instant(r, "start_hour"), r.getString("k"), attempts, answered,
                            attempts == 0 ? 0 : (double) answered / attempts,
                            answered == 0 ? 0 : talk / 1000.0 / answered,
                            pddCount == 0 ? null : (double) r.getLong("pdd_sum") / pddCount));
                }
            }
        } catch (SQLException e) {
            throw new StoreFailure("aggregating CDRs failed", e);
        }
        return rows;
    }

    private static Where where(CdrFilter f) {
        Where w = new Where();
        // Each time bound also bounds start_day (the UTC day of start_time), so PostgreSQL reads only those days'
        // partitions.
        f.from().ifPresent(v -> {
            w.and("start_time >= ?", v);
            w.and("start_day >= ?", DayPartitions.dayOf(v));
        });
        f.to().ifPresent(v -> {
            w.and("start_time < ?", v);
            w.and("start_day <= ?", DayPartitions.dayOf(v));
        });
        f.customerId().ifPresent(v -> w.and("customer_id = ?", v));
        f.trunkId().ifPresent(v -> w.and("trunk_id = ?", v));
        f.carrierId().ifPresent(v -> w.and("carrier_id = ?", v));
        f.disposition().ifPresent(v -> w.and("disposition = ?", v.name()));
        f.number().ifPresent(v -> {
            w.and("(caller_e164 = ?", v);
            w.clause.append(" OR callee_e164 = ?)");
            w.values.add(v);
        });
        return w;
    }

    /** A WHERE clause under construction and its parameter values in order. */
    private static final class Where {
        final StringBuilder clause = new StringBuilder(" WHERE start_time IS NOT NULL");
        final List<Object> values = new ArrayList<>();

        void and(String condition, Object value) {
            clause.append(" AND ").append(condition);
            values.add(value);
        }

        void bind(PreparedStatement s) throws SQLException {
            for (int i = 0; i < values.size(); i++) {
                Object v = values.get(i);
                if (v instanceof Instant) {
                    Sql.instant(s, i + 1, (Instant) v);
                } else if (v instanceof Long) {
                    s.setLong(i + 1, (Long) v);
                } else if (v instanceof LocalDate) {
                    s.setObject(i + 1, v);
                } else if (v instanceof Integer) {
                    s.setInt(i + 1, (Integer) v);
                } else {
                    s.setString(i + 1, (String) v);
                }
            }
        }
    }
}
