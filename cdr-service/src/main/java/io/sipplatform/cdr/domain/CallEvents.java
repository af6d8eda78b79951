package io.sipplatform.cdr.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The distinct events of one call, keyed by {@link EventKey}, and the fold that turns them into its CDR. The fold
 * depends only on the set of events, never on their arrival order: events are visited in key order and each field
 * takes a deterministic pick (first attempt, earliest progress and answer, the end with the lowest key, the last
 * media report). Adding an event whose key is already present changes nothing.
 */
public final class CallEvents {
    private final String callId;
    private final Map<EventKey, CallEvent> byKey = new TreeMap<>();

    public CallEvents(String callId) {
        this.callId = callId;
    }

    /** Adds the event; false (and nothing changes) when an event with its key is already present. */
    public boolean add(CallEvent event) {
        if (!event.callId().equals(callId)) {
            throw new IllegalArgumentException("event of call " + event.callId() + " added to call " + callId);
        }
        return byKey.putIfAbsent(event.key(), event) == null;
    }

    /** The CDR of the given events of one call (duplicates by key count once). */
    public static Cdr fold(Collection<CallEvent> events) {
        if (events.isEmpty()) {
            throw new IllegalArgumentException("a CDR needs at least one event");
        }
        CallEvents call = new CallEvents(events.iterator().next().callId());
        events.forEach(call::add);
        return call.fold();
    }

    /** The CDR these events describe so far. */
    public Cdr fold() {
        if (byKey.isEmpty()) {
            throw new IllegalStateException("a CDR needs at least one event");
        }
        CallEvent attempt = null;
        CallEvent progress = null;
        CallEvent answer = null;
        CallEvent end = null;
        CallEvent orphan = null;
        EventBody.Media media = null;
        Instant earliest = null;
        String site = "";
        String decisionId = "";
        Map<Integer, Leg> legs = new TreeMap<>();
        for (CallEvent e : byKey.values()) {
            EventBody body = e.body();
            earliest = earliest == null || e.time().isBefore(earliest) ? e.time() : earliest;
            site = site.isEmpty() ? e.site() : site;
            decisionId = decisionId.isEmpty() ? e.decisionId() : decisionId;
            if (body instanceof EventBody.Attempt) {
                attempt = attempt == null ? e : attempt;
            } else if (body instanceof EventBody.Progress && e.key().leg() == 0) {
                progress = earlier(progress, e);
            } else if (body instanceof EventBody.Answer) {
                answer = earlier(answer, e);
            } else if (body instanceof EventBody.End) {
                end = end == null ? e : end;
            } else if (body instanceof EventBody.OrphanClosed) {
                orphan = e;
            } else if (body instanceof EventBody.Media) {
                media = (EventBody.Media) body;
            } else if (body instanceof EventBody.LegAttempt) {
                legs.putIfAbsent(e.key().leg(), Leg.of(e.key().leg(), (EventBody.LegAttempt) body));
            }
        }
        EventBody.Attempt a = attempt == null ? new EventBody.Attempt(null, null, null, null, null, null, null,
                null, null, false) : (EventBody.Attempt) attempt.body();
        Instant start = attempt == null ? earliest : attempt.time();
        site = attempt == null || attempt.site().isEmpty() ? site : attempt.site();
        EventBody.Answer ans = answer == null ? null : (EventBody.Answer) answer.body();

        // The carrier of the final attempt: the answering branch, else the last branch created.
        String carrierId = "";
        String gatewayId = "";
        if (ans != null && !(ans.carrierId().isEmpty() && ans.gatewayId().isEmpty())) {
            carrierId = ans.carrierId();
            gatewayId = ans.gatewayId();
        } else if (!legs.isEmpty()) {
            Leg last = ((TreeMap<Integer, Leg>) legs).lastEntry().getValue();
            carrierId = last.carrierId();
            gatewayId = last.gatewayId();
        }

        CdrState state = end != null || orphan != null ? CdrState.CLOSED : CdrState.OPEN;
        boolean closedAsOrphan = end == null && orphan != null;
        Instant progressTime = progress == null ? null : progress.time();
        Instant answerTime = answer == null ? null : answer.time();
        Instant endTime = null;
        int finalCode = 0;
        String finalReason = "";
        int q850 = 0;
        HangupSide side = HangupSide.UNKNOWN;
        EndCause cause = EndCause.UNKNOWN;
        if (end != null) {
            EventBody.End body = (EventBody.End) end.body();
            endTime = end.time();
            finalCode = body.code();
            finalReason = body.reason();
            q850 = body.q850Cause();
            side = body.hangupSide();
            cause = body.cause();
        } else if (orphan != null) {
            endTime = orphan.time();
            finalCode = answer != null ? 200 : 0;
            finalReason = "closed after maximum duration";
            side = HangupSide.PLATFORM;
            cause = EndCause.MAX_DURATION;
        }
        // Replicas' clocks differ: an end stamped before the start still ends the call at its start.
        if (endTime != null && endTime.isBefore(start)) {
            endTime = start;
        }
        boolean answered = answer != null || (finalCode >= 200 && finalCode < 300);
        Duration duration = endTime == null ? null : Duration.between(start, endTime);
        Duration talk = answerTime == null || endTime == null || endTime.isBefore(answerTime) ? null
                : Duration.between(answerTime, endTime);
        long billable = talk == null ? 0 : ceilSeconds(talk);
        Duration pdd = progressTime == null || progressTime.isBefore(start) ? null
                : Duration.between(start, progressTime);
        Disposition disposition = state == CdrState.OPEN ? null : Disposition.of(answered, finalCode, q850, cause);

        List<MediaStream> callerStreams = new ArrayList<>();
        List<MediaStream> calleeStreams = new ArrayList<>();
        String codec = ans == null ? "" : ans.codec();
        if (media != null) {
            for (MediaStream s : media.streams()) {
                if (s.side() == CallSide.CALLER) {
                    callerStreams.add(s);
                } else if (s.side() == CallSide.CALLEE) {
                    calleeStreams.add(s);
                }
                codec = codec.isEmpty() ? s.codec() : codec;
            }
        }
        return new Cdr(callId, site, state, closedAsOrphan, a.customerId(), a.trunkId(), a.direction(), a.fromUri(),
                a.toUri(), a.callerE164(), a.calleeE164(), carrierId, gatewayId, a.routePrefix(), decisionId, start,
                progressTime, answerTime, endTime, duration, talk, billable, pdd, finalCode, finalReason, q850,
                disposition, side, cause, codec, MediaQuality.of(callerStreams), MediaQuality.of(calleeStreams),
                List.copyOf(legs.values()), byKey.size());
    }

    private static CallEvent earlier(CallEvent current, CallEvent candidate) {
        return current == null || candidate.time().isBefore(current.time()) ? candidate : current;
    }

    private static long ceilSeconds(Duration d) {
        long seconds = d.getSeconds();
        return d.getNano() > 0 ? seconds + 1 : seconds;
    }
}
