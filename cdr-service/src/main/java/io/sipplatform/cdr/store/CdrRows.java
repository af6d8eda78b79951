package io.sipplatform.cdr.store;

import io.sipplatform.cdr.domain.Cdr;
import io.sipplatform.cdr.domain.CdrState;
import io.sipplatform.cdr.domain.Direction;
import io.sipplatform.cdr.domain.Disposition;
import io.sipplatform.cdr.domain.EndCause;
import io.sipplatform.cdr.domain.HangupSide;
import io.sipplatform.cdr.domain.Leg;
import io.sipplatform.cdr.domain.LegFailure;
import io.sipplatform.cdr.domain.MediaQuality;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The cdr and cdr_leg tables: writing a folded CDR over its row, reading rows back as CDRs. */
final class CdrRows {
    static final String COLUMNS = "id, call_id, site, state, orphan, customer_id, trunk_id, direction, from_uri, "
            + "to_uri, caller_e164, callee_e164, carrier_id, gateway_id, route_prefix, decision_id, start_time, "
            + "progress_time, answer_time, end_time, duration_ms, talk_ms, billable_seconds, pdd_ms, final_code, "
            + "final_reason, q850_cause, disposition, hangup_side, end_cause, codec, caller_packets, caller_lost, "
            + "caller_jitter_us, caller_mos, callee_packets, callee_lost, callee_jitter_us, callee_mos, event_count";

    private static final String UPDATE = "UPDATE cdr SET site = ?, state = ?, orphan = ?, customer_id = ?, "
            + "trunk_id = ?, direction = ?, from_uri = ?, to_uri = ?, caller_e164 = ?, callee_e164 = ?, "
            + "carrier_id = ?, gateway_id = ?, route_prefix = ?, decision_id = ?, start_time = ?, start_hour = ?, "
            + "progress_time = ?, answer_time = ?, end_time = ?, duration_ms = ?, talk_ms = ?, "
            + "billable_seconds = ?, pdd_ms = ?, final_code = ?, final_reason = ?, q850_cause = ?, disposition = ?, "
            + "hangup_side = ?, end_cause = ?, codec = ?, caller_packets = ?, caller_lost = ?, caller_jitter_us = ?, "
            + "caller_mos = ?, callee_packets = ?, callee_lost = ?, callee_jitter_us = ?, callee_mos = ?, "
            + "event_count = ?, updated_at = ? WHERE call_id = ? AND start_day = ?";

    private CdrRows() {
    }

    /** Writes the CDR over its row of the given day (created when missing) and replaces its legs. */
    static void write(Connection c, Cdr cdr, LocalDate day, Instant now) throws SQLException {
        // The caller holds the call's pin lock, so nobody else creates the row between the update and the insert;
        // updating first leaves the id sequence alone for the calls that already have a row.
        if (update(c, cdr, day, now) == 0) {
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO cdr (start_day, call_id, updated_at) VALUES (?, ?, ?)")) {
                s.setObject(1, day);
                s.setString(2, cdr.callId());
                Sql.instant(s, 3, now);
                s.executeUpdate();
            }
            update(c, cdr, day, now);
        }
        legs(c, cdr, day);
    }

    private static int update(Connection c, Cdr cdr, LocalDate day, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(UPDATE)) {
            int i = 0;
            s.setString(++i, cdr.site());
            s.setString(++i, cdr.state().name());
            s.setBoolean(++i, cdr.orphan());
            s.setString(++i, cdr.customerId());
            s.setString(++i, cdr.trunkId());
            s.setString(++i, cdr.direction().name());
            s.setString(++i, cdr.fromUri());
            s.setString(++i, cdr.toUri());
            s.setString(++i, cdr.callerE164());
            s.setString(++i, cdr.calleeE164());
            s.setString(++i, cdr.carrierId());
            s.setString(++i, cdr.gatewayId());
            s.setString(++i, cdr.routePrefix());
            s.setString(++i, cdr.decisionId());
            Sql.instant(s, ++i, cdr.startTime());
            Sql.instant(s, ++i, cdr.startHour());
            Sql.instant(s, ++i, cdr.progressTime());
            Sql.instant(s, ++i, cdr.answerTime());
            Sql.instant(s, ++i, cdr.endTime());
            Sql.millis(s, ++i, cdr.duration());
            Sql.millis(s, ++i, cdr.talkTime());
            s.setLong(++i, cdr.billableSeconds());
            Sql.millis(s, ++i, cdr.postDialDelay());
            s.setInt(++i, cdr.finalCode());
            s.setString(++i, truncate(cdr.finalReason(), 256));
            s.setInt(++i, cdr.q850Cause());
            s.setString(++i, cdr.disposition() == null ? null : cdr.disposition().name());
            s.setString(++i, cdr.hangupSide().name());
            s.setString(++i, cdr.endCause().name());
            s.setString(++i, cdr.codec());
            i = media(s, i, cdr.callerMedia());
            i = media(s, i, cdr.calleeMedia());
            s.setInt(++i, cdr.eventCount());
            Sql.instant(s, ++i, now);
            s.setString(++i, cdr.callId());
            s.setObject(++i, day);
            return s.executeUpdate();
        }
    }

    private static void legs(Connection c, Cdr cdr, LocalDate day) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM cdr_leg WHERE call_id = ? AND start_day = ?")) {
            s.setString(1, cdr.callId());
            s.setObject(2, day);
            s.executeUpdate();
        }
        if (cdr.legs().isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO cdr_leg (start_day, call_id, leg, carrier_id, "
                + "gateway_id, request_uri, sent_at, final_code, final_reason, failure, pdd_ms) "
                + "VALUES (?,?,?,?,?,?,?,?,?,?,?)")) {
            for (Leg leg : cdr.legs()) {
                s.setObject(1, day);
                s.setString(2, cdr.callId());
                s.setInt(3, leg.leg());
                s.setString(4, leg.carrierId());
                s.setString(5, leg.gatewayId());
                s.setString(6, truncate(leg.requestUri(), 1024));
                Sql.instant(s, 7, leg.sentAt());
                s.setInt(8, leg.code());
                s.setString(9, truncate(leg.reason(), 256));
                s.setString(10, leg.failure().name());
                Sql.millis(s, 11, leg.postDialDelay());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /**
     * Moves every row of a call from one day to another (on PostgreSQL from partition to partition) and re-pins it;
     * the caller holds the pin's lock. Happens when an event earlier than the call's known start arrives late.
     */
    static void move(Connection c, String callId, LocalDate from, LocalDate to) throws SQLException {
        for (String table : List.of("call_event", "cdr", "cdr_leg", DayPartitions.CALLS)) {
            String onlyFrom = table.equals(DayPartitions.CALLS) ? "" : " AND start_day = ?";
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE " + table + " SET start_day = ? WHERE call_id = ?" + onlyFrom)) {
                s.setObject(1, to);
                s.setString(2, callId);
                if (!onlyFrom.isEmpty()) {
                    s.setObject(3, from);
                }
                s.executeUpdate();
            }
        }
    }

    private static int media(PreparedStatement s, int i, MediaQuality m) throws SQLException {
        Sql.nullableLong(s, ++i, m == null ? null : m.packets());
        Sql.nullableLong(s, ++i, m == null ? null : m.packetsLost());
        Sql.nullableLong(s, ++i, m == null ? null : m.jitter().toNanos() / 1000);
        Sql.nullableDouble(s, ++i, m == null ? null : m.mos());
        return i;
    }

    /** The CDR of the current row, legs given separately. */
    static Cdr read(ResultSet r, List<Leg> legs) throws SQLException {
        String disposition = r.getString("disposition");
        return new Cdr(r.getString("call_id"), r.getString("site"), CdrState.valueOf(r.getString("state")),
                r.getBoolean("orphan"), r.getString("customer_id"), r.getString("trunk_id"),
                Direction.valueOf(r.getString("direction")), r.getString("from_uri"), r.getString("to_uri"),
                r.getString("caller_e164"), r.getString("callee_e164"), r.getString("carrier_id"),
                r.getString("gateway_id"), r.getString("route_prefix"), r.getString("decision_id"),
                Sql.instant(r, "start_time"), Sql.instant(r, "progress_time"), Sql.instant(r, "answer_time"),
                Sql.instant(r, "end_time"), Sql.millis(r, "duration_ms"), Sql.millis(r, "talk_ms"),
                r.getLong("billable_seconds"), Sql.millis(r, "pdd_ms"), r.getInt("final_code"),
                r.getString("final_reason"), r.getInt("q850_cause"),
                disposition == null ? null : Disposition.valueOf(disposition),
                HangupSide.valueOf(r.getString("hangup_side")), EndCause.valueOf(r.getString("end_cause")),
                r.getString("codec"), media(r, "caller"), media(r, "callee"), legs, r.getInt("event_count"));
    }

    private static MediaQuality media(ResultSet r, String side) throws SQLException {
        long packets = r.getLong(side + "_packets");
        if (r.wasNull()) {
            return null;
        }
        return new MediaQuality(packets, r.getLong(side + "_lost"),
                Duration.ofNanos(r.getLong(side + "_jitter_us") * 1000), r.getDouble(side + "_mos"));
    }

    static List<Leg> legs(Connection c, String callId, LocalDate day) throws SQLException {
        List<Leg> legs = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT leg, carrier_id, gateway_id, request_uri, sent_at, "
                + "final_code, final_reason, failure, pdd_ms FROM cdr_leg WHERE call_id = ? AND start_day = ? "
                + "ORDER BY leg")) {
            s.setString(1, callId);
            s.setObject(2, day);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    legs.add(new Leg(r.getInt("leg"), r.getString("carrier_id"), r.getString("gateway_id"),
                            r.getString("request_uri"), Sql.instant(r, "sent_at"), r.getInt("final_code"),
                            r.getString("final_reason"), LegFailure.valueOf(r.getString("failure")),
                            Sql.millis(r, "pdd_ms")));
                }
            }
        }
        return legs;
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
