package io.sipplatform.cdr.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * The call detail record of one call attempt, as folded from its events. Nullable: times that did not happen,
 * duration and disposition while open, post-dial delay without progress, media without statistics. Billable
 * seconds are the answered time rounded up to whole seconds (0 unless answered and ended).
 */
public record Cdr(String callId, String site, CdrState state, boolean orphan, String customerId, String trunkId,
        Direction direction, String fromUri, String toUri, String callerE164, String calleeE164, String carrierId,
        String gatewayId, String routePrefix, String decisionId, Instant startTime, Instant progressTime,
        Instant answerTime, Instant endTime, Duration duration, Duration talkTime, long billableSeconds,
        Duration postDialDelay, int finalCode, String finalReason, int q850Cause, Disposition disposition,
        HangupSide hangupSide, EndCause endCause, String codec, MediaQuality callerMedia, MediaQuality calleeMedia,
        List<Leg> legs, int eventCount) {
    public Cdr {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(startTime, "startTime");
        legs = List.copyOf(legs);
    }

    /** The hour the call started in (UTC), the bucket of hourly aggregates. */
    public Instant startHour() {
        return startTime.truncatedTo(ChronoUnit.HOURS);
    }
}
