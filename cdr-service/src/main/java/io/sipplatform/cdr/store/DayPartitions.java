package io.sipplatform.cdr.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The day partitions of the CDR tables. On PostgreSQL {@code call_event}, {@code cdr} and {@code cdr_leg} are
 * partitioned by RANGE on {@code start_day}, the UTC day of the call's start, one partition per day named
 * {@code <table>_pYYYYMMDD}, plus a {@code <table>_default} partition so that an insert for a day without a partition
 * never fails. H2 (the embedded default) has the same tables and keys, unpartitioned; there retention deletes rows.
 */
public final class DayPartitions {
    /** The partitioned tables; every one has a start_day column and a default partition. */
    public static final List<String> TABLES = List.of("call_event", "cdr", "cdr_leg");
    /** The table pinning each call to its day: the one key that is unique across all days. */
    public static final String CALLS = "cdr_call";

    private static final DateTimeFormatter SUFFIX = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final String MARK = "_p";

    private DayPartitions() {
    }

    /** The partition day of a call that started at {@code start}: its UTC date. */
    public static LocalDate dayOf(Instant start) {
        return LocalDate.ofInstant(start, ZoneOffset.UTC);
    }

    /** true on PostgreSQL (partitioned tables), false on H2 (plain tables). */
    public static boolean partitioned(Connection c) throws SQLException {
        return "PostgreSQL".equals(c.getMetaData().getDatabaseProductName());
    }

    /** The name of a table's partition of one day, e.g. {@code cdr_p20261121}. */
    public static String partitionName(String table, LocalDate day) {
        return table + MARK + SUFFIX.format(day);
    }

    /**
     * Creates the day's partition of every table that lacks it. Rows of that day already waiting in a default
     * partition (written while the partition was missing) are moved into it, because PostgreSQL refuses a new
     * partition whose range the default partition holds rows of. Returns whether any partition was created.
     */
    public static boolean create(Connection c, LocalDate day) throws SQLException {
        boolean created = false;
        for (String table : TABLES) {
            String partition = partitionName(table, day);
            if (exists(c, partition)) {
                continue;
            }
            String defaultPartition = table + "_default";
            boolean waiting = hasRowsOf(c, defaultPartition, day);
            try (Statement s = c.createStatement()) {
                if (waiting) {
                    s.execute("CREATE TEMPORARY TABLE cdr_moving ON COMMIT DROP AS SELECT * FROM " + defaultPartition
                            + " WHERE start_day = DATE '" + day + "'");
                    s.execute("DELETE FROM " + defaultPartition + " WHERE start_day = DATE '" + day + "'");
                }
                s.execute("CREATE TABLE " + partition + " PARTITION OF " + table + " FOR VALUES FROM ('" + day
                        + "') TO ('" + day.plusDays(1) + "')");
                if (waiting) {
                    s.execute("INSERT INTO " + table + " SELECT * FROM cdr_moving");
                    s.execute("DROP TABLE cdr_moving");
                }
            }
            created = true;
        }
        return created;
    }

    /** Drops the day's partition of every table that has it; returns whether any was dropped. */
    public static boolean drop(Connection c, LocalDate day) throws SQLException {
        boolean dropped = false;
        for (String table : TABLES) {
            String partition = partitionName(table, day);
            if (exists(c, partition)) {
                try (Statement s = c.createStatement()) {
                    s.execute("DROP TABLE " + partition);
                }
                dropped = true;
            }
        }
        return dropped;
    }

    /** The days that have a partition of at least one table, in the current schema. */
    public static TreeSet<LocalDate> days(Connection c) throws SQLException {
        TreeSet<LocalDate> days = new TreeSet<>();
        for (String table : TABLES) {
            try (PreparedStatement s = c.prepareStatement("SELECT c.relname FROM pg_inherits i "
                    + "JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = CAST(? AS regclass)")) {
                s.setString(1, table);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        day(table, r.getString(1)).ifPresent(days::add);
                    }
                }
            }
        }
        return days;
    }

    /** Creates the default partitions (done once, by the migration). */
    public static void createDefaults(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String table : TABLES) {
                s.execute("CREATE TABLE " + table + "_default PARTITION OF " + table + " DEFAULT");
            }
        }
    }

    private static Optional<LocalDate> day(String table, String partition) {
        String prefix = table + MARK;
        if (!partition.startsWith(prefix)) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(partition.substring(prefix.length()), SUFFIX));
        } catch (DateTimeParseException e) {
            // A table someone attached by hand under another name: not ours to create or drop.
            return Optional.empty();
        }
    }

    private static boolean exists(Connection c, String relation) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            s.setString(1, relation);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getBoolean(1);
            }
        }
    }

    private static boolean hasRowsOf(Connection c, String table, LocalDate day) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM " + table + " WHERE start_day = ? LIMIT 1")) {
            s.setObject(1, day);
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        }
    }
}
