package io.sipplatform.cdr.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Column conversions shared by the statements: instants as UTC timestamps, durations as milliseconds. */
final class Sql {
    private Sql() {
    }

    static void instant(PreparedStatement s, int i, Instant value) throws SQLException {
        if (value == null) {
            s.setNull(i, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            s.setObject(i, OffsetDateTime.ofInstant(value, ZoneOffset.UTC));
        }
    }

    static Instant instant(ResultSet r, String column) throws SQLException {
        OffsetDateTime value = r.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static void millis(PreparedStatement s, int i, Duration value) throws SQLException {
        nullableLong(s, i, value == null ? null : value.toMillis());
    }

    static Duration millis(ResultSet r, String column) throws SQLException {
        long value = r.getLong(column);
        return r.wasNull() ? null : Duration.ofMillis(value);
    }

    static void nullableLong(PreparedStatement s, int i, Long value) throws SQLException {
        if (value == null) {
            s.setNull(i, Types.BIGINT);
        } else {
            s.setLong(i, value);
        }
    }

    static void nullableDouble(PreparedStatement s, int i, Double value) throws SQLException {
        if (value == null) {
            s.setNull(i, Types.DOUBLE);
        } else {
            s.setDouble(i, value);
        }
    }
}
