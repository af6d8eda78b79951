package io.sipplatform.routing.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The few JDBC shapes the row classes need: query to records, update, and child rows grouped by parent id. */
final class Sql {
    /** Maps the current row of a result set. */
    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private Sql() {
    }

    static <T> List<T> query(Connection c, String sql, RowMapper<T> mapper, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(mapper.map(rs));
                }
                return out;
            }
        }
    }

    static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            return ps.executeUpdate();
        }
    }

    /**
     * Child rows grouped by their parent id, in {@code ord} order. {@code select} names the parent column first and
     * ends before WHERE; {@code parentIds} null reads all rows.
     */
    static <T> Map<String, List<T>> children(Connection c, String select, String parentColumn,
            Collection<String> parentIds, RowMapper<T> mapper) throws SQLException {
        Map<String, List<T>> out = new HashMap<>();
        if (parentIds != null && parentIds.isEmpty()) {
            return out;
        }
        StringBuilder sql = new StringBuilder(select);
        if (parentIds != null) {
            sql.append(" WHERE ").append(parentColumn).append(" IN (");
            for (int i = 0; i < parentIds.size(); i++) {
                sql.append(i == 0 ? "?" : ",?");
            }
            sql.append(')');
        }
        sql.append(" ORDER BY ").append(parentColumn).append(", ord");
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            if (parentIds != null) {
                bind(ps, parentIds.toArray());
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(mapper.map(rs));
                }
            }
        }
        return out;
    }

    /** Parents with {@code id > after} in id order, at most {@code limit} (0 = all); the tail of a SELECT. */
    static String page(String after, int limit) {
        return page("id", after, limit);
    }

    static String page(String idColumn, String after, int limit) {
        return (after == null ? "" : " WHERE " + idColumn + " > ?") + " ORDER BY " + idColumn
                + (limit > 0 ? " LIMIT " + limit : "");
    }

    static Object[] pageParams(String after) {
        return after == null ? new Object[0] : new Object[] {after};
    }

    private static void bind(PreparedStatement ps, Object[] params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            if (p == null) {
                ps.setNull(i + 1, Types.VARCHAR);
            } else if (p instanceof Integer) {
                ps.setInt(i + 1, (Integer) p);
            } else if (p instanceof Boolean) {
                ps.setBoolean(i + 1, (Boolean) p);
            } else if (p instanceof Long) {
                ps.setLong(i + 1, (Long) p);
            } else {
                ps.setString(i + 1, p.toString());
            }
        }
    }

    static boolean exists(Connection c, String sql, Object... params) throws SQLException {
        return !query(c, sql, rs -> Boolean.TRUE, params).isEmpty();
    }

    /** Empty string to null, for optional VARCHAR columns. */
    static String nullable(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    /** Comma-joined tokens (the tokens never contain commas). */
    static String joined(List<?> values) {
        StringBuilder out = new StringBuilder();
        for (Object v : values) {
            if (out.length() > 0) {
                out.append(',');
            }
            out.append(v);
        }
        return out.toString();
    }

    static List<String> split(String joined) {
        List<String> out = new ArrayList<>();
        if (joined == null || joined.isEmpty()) {
            return out;
        }
        for (String part : joined.split(",", -1)) {
            out.add(part);
        }
        return out;
    }
}
