package io.sipplatform.cdr.api;

import io.sipplatform.cdr.domain.Cdr;
import io.sipplatform.cdr.domain.Leg;
import io.sipplatform.cdr.domain.MediaQuality;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A CDR as the API shows it: times as ISO-8601 UTC instants, durations in milliseconds, jitter in microseconds,
 * enums by name; nulls for what did not happen. The CSV export has the same columns minus legs.
 */
public record CdrBody(String callId, String site, String state, boolean orphan, String customerId, String trunkId,
        String direction, String fromUri, String toUri, String callerE164, String calleeE164, String carrierId,
        String gatewayId, String routePrefix, String decisionId, Instant startTime, Instant progressTime,
        Instant answerTime, Instant endTime, Long durationMillis, Long talkMillis, long billableSeconds,
        Long pddMillis, int finalCode, String finalReason, int q850Cause, String disposition, String hangupSide,
        String endCause, String codec, Long callerPackets, Long callerPacketsLost, Long callerJitterMicros,
        Double callerMos, Long calleePackets, Long calleePacketsLost, Long calleeJitterMicros, Double calleeMos,
        List<LegBody> legs) {

    /** CSV header, in record order without legs. */
    static final List<String> CSV_COLUMNS = List.of("callId", "site", "state", "orphan", "customerId", "trunkId",
            "direction", "fromUri", "toUri", "callerE164", "calleeE164", "carrierId", "gatewayId", "routePrefix",
            "decisionId", "startTime", "progressTime", "answerTime", "endTime", "durationMillis", "talkMillis",
            "billableSeconds", "pddMillis", "finalCode", "finalReason", "q850Cause", "disposition", "hangupSide",
            "endCause", "codec", "callerPackets", "callerPacketsLost", "callerJitterMicros", "callerMos",
            "calleePackets", "calleePacketsLost", "calleeJitterMicros", "calleeMos");

    /** One outbound branch. */
    public record LegBody(int leg, String carrierId, String gatewayId, String requestUri, Instant sentAt,
            int finalCode, String finalReason, String failure, Long pddMillis) {
    }

    static CdrBody of(Cdr c) {
        MediaQuality a = c.callerMedia();
        MediaQuality b = c.calleeMedia();
        return new CdrBody(c.callId(), c.site(), c.state().name(), c.orphan(), c.customerId(), c.trunkId(),
                c.direction().name(), c.fromUri(), c.toUri(), c.callerE164(), c.calleeE164(), c.carrierId(),
                c.gatewayId(), c.routePrefix(), c.decisionId(), c.startTime(), c.progressTime(), c.answerTime(),
                c.endTime(), millis(c.duration()), millis(c.talkTime()), c.billableSeconds(),
                millis(c.postDialDelay()), c.finalCode(), c.finalReason(), c.q850Cause(),
                c.disposition() == null ? null : c.disposition().name(), c.hangupSide().name(), c.endCause().name(),
                c.codec(), a == null ? null : a.packets(), a == null ? null : a.packetsLost(),
                a == null ? null : a.jitter().toNanos() / 1000, a == null ? null : a.mos(),
                b == null ? null : b.packets(), b == null ? null : b.packetsLost(),
                b == null ? null : b.jitter().toNanos() / 1000, b == null ? null : b.mos(),
                c.legs().stream().map(CdrBody::leg).toList());
    }

    private static LegBody leg(Leg l) {
        return new LegBody(l.leg(), l.carrierId(), l.gatewayId(), l.requestUri(), l.sentAt(), l.code(), l.reason(),
                l.failure().name(), millis(l.postDialDelay()));
    }

    private static Long millis(Duration d) {
        return d == null ? null : d.toMillis();
    }

    /** The CSV cells of this CDR, in {@link #CSV_COLUMNS} order; null cells are empty. */
    List<Object> csvCells() {
        return java.util.Arrays.asList(callId, site, state, orphan, customerId, trunkId, direction, fromUri, toUri,
                callerE164, calleeE164, carrierId, gatewayId, routePrefix, decisionId, startTime, progressTime,
                answerTime, endTime, durationMillis, talkMillis, billableSeconds, pddMillis, finalCode, finalReason,
                q850Cause, disposition, hangupSide, endCause, codec, callerPackets, callerPacketsLost,
                callerJitterMicros, callerMos, calleePackets, calleePacketsLost, calleeJitterMicros, calleeMos);
    }
}
