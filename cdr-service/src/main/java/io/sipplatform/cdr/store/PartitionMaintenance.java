package io.sipplatform.cdr.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Keeps the day partitions ahead of the calls and, when a retention is set, removes old days. On PostgreSQL: creates
 * the partitions of yesterday through today + days-ahead (rows of those days that waited in a default partition move
 * in), drops whole day partitions older than the retention, deletes expired rows left in the default partitions
 * and the expired pins. On H2 (unpartitioned): deletes the expired rows. One transaction per run; replicas running it
 * at the same moment take turns (a transaction-scoped advisory lock), and a run that cannot get the tables' locks
 * within the lock timeout fails instead of queueing ingestion behind it; the next run retries.
 */
public final class PartitionMaintenance {
    /** Advisory lock key of the job ("cdr-part" in ASCII), shared by every replica on the database. */
    private static final long LOCK_KEY = 0x6364722d70617274L;
    /** Longest wait for a table lock (creating or dropping a partition locks its parent briefly). */
    private static final String LOCK_TIMEOUT = "5s";

    private final DataSource dataSource;
    private final InstantSource clock;
    private final int daysAhead;
    private final int retentionDays;

    /**
     * @param daysAhead partitions are created up to today + this (0 or more)
     * @param retentionDays days before today older than this are removed; 0 keeps every day
     */
    public PartitionMaintenance(DataSource dataSource, InstantSource clock, int daysAhead, int retentionDays) {
        if (daysAhead < 0 || retentionDays < 0) {
            throw new IllegalArgumentException("days-ahead and retention-days must be 0 or more, got " + daysAhead
                    + " and " + retentionDays);
        }
        this.dataSource = dataSource;
        this.clock = clock;
        this.daysAhead = daysAhead;
        this.retentionDays = retentionDays;
    }

    /** What one run changed. */
    public record Changes(List<LocalDate> created, List<LocalDate> dropped, long rowsDeleted) {
        public Changes {
            created = List.copyOf(created);
            dropped = List.copyOf(dropped);
        }
    }

    /** One run; throws {@link StoreFailure} with nothing changed when the database refuses. */
    public Changes run() {
        LocalDate today = DayPartitions.dayOf(clock.instant());
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Changes changes = run(c, today);
                c.commit();
                return changes;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreFailure("partition maintenance failed", e);
        }
    }

    private Changes run(Connection c, LocalDate today) throws SQLException {
        boolean partitioned = DayPartitions.partitioned(c);
        List<LocalDate> created = new ArrayList<>();
        List<LocalDate> dropped = new ArrayList<>();
        if (partitioned) {
            try (Statement s = c.createStatement()) {
                s.execute("SET LOCAL lock_timeout = '" + LOCK_TIMEOUT + "'");
                s.execute("SELECT pg_advisory_xact_lock(" + LOCK_KEY + ")");
            }
            for (LocalDate day = today.minusDays(1); !day.isAfter(today.plusDays(daysAhead)); day = day.plusDays(1)) {
                if (DayPartitions.create(c, day)) {
                    created.add(day);
                }
            }
        }
        long deleted = 0;
        if (retentionDays > 0) {
            LocalDate cutoff = today.minusDays(retentionDays);
            if (partitioned) {
                for (LocalDate day : DayPartitions.days(c).headSet(cutoff)) {
                    if (DayPartitions.drop(c, day)) {
                        dropped.add(day);
                    }
                }
            }
            for (String table : DayPartitions.TABLES) {
                deleted += deleteBefore(c, partitioned ? table + "_default" : table, cutoff);
            }
            deleteBefore(c, DayPartitions.CALLS, cutoff);
        }
        return new Changes(created, dropped, deleted);
    }

    private static long deleteBefore(Connection c, String table, LocalDate cutoff) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM " + table + " WHERE start_day < ?")) {
            s.setObject(1, cutoff);
            return s.executeUpdate();
        }
    }
}
