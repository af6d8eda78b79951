package io.sipplatform.cdr.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Event fixtures: the events an edge sends for typical calls, at fixed instants from T0. */
final class Calls {
    static final Instant T0 = Instant.parse("2026-11-20T10:15:00Z");

    private Calls() {
    }

    static CallEvent event(String callId, int leg, int seq, String edge, long atMillis, EventBody body) {
        return new CallEvent(new EventKey(callId, leg, seq), edge, "eu-1", T0.plusMillis(atMillis), "d-1", body);
    }

    static EventBody.Attempt attempt(String customer, String trunk) {
        return new EventBody.Attempt(customer, trunk, Direction.OUTBOUND, "sip:+4930111@pbx", "sip:+4940222@sip",
                "sip:+4940222@sip", "+4930111", "+4940222", "+49", false);
    }

    static EventBody.LegAttempt leg(String carrier, int code, long pddMillis) {
        return new EventBody.LegAttempt(carrier, carrier + "-gw1", "sip:+4940222@" + carrier, T0.plusMillis(20),
                code, code == 200 ? "OK" : "Busy Here", LegFailure.NONE,
                pddMillis < 0 ? null : Duration.ofMillis(pddMillis));
    }

    static EventBody.End end(int code, HangupSide side, EndCause cause) {
        return new EventBody.End(code, "", 0, side, cause);
    }

    /**
     * An answered outbound call: attempt at 0, carrier leg, ringing at 1.5 s, answer at 4 s, BYE at 64.2 s, media.
     */
    static List<CallEvent> answered(String callId, String edgeA, String edgeB) {
        return List.of(
                event(callId, 0, 1, edgeA, 0, attempt("cust-1", "trunk-1")),
                event(callId, 0, 2, edgeA, 1_500, new EventBody.Progress(180, false)),
                event(callId, 0, 3, edgeB, 4_000, new EventBody.Answer("carrier-a", "carrier-a-gw1", "PCMA")),
                event(callId, 1, 1, edgeB, 4_000, leg("carrier-a", 200, 1_400)),
                event(callId, 0, 4, edgeB, 64_200, end(200, HangupSide.CALLER, EndCause.BYE)),
                event(callId, 0, 5, edgeA, 64_300, new EventBody.Media("relay-1", List.of(
                        new MediaStream(CallSide.CALLER, 0, "audio", "PCMA", 3000, 480_000, 12,
                                Duration.ofMillis(4), 4.2),
                        new MediaStream(CallSide.CALLEE, 0, "audio", "PCMA", 2990, 478_400, 3,
                                Duration.ofMillis(9), 4.3)))));
    }
}
