package io.sipplatform.cdr.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sipplatform.cdr.domain.CallEvent;
import io.sipplatform.cdr.domain.CallEvents;
import io.sipplatform.cdr.domain.Cdr;
import io.sipplatform.cdr.domain.Direction;
import io.sipplatform.cdr.domain.EndCause;
import io.sipplatform.cdr.domain.EventBody;
import io.sipplatform.cdr.domain.EventKey;
import io.sipplatform.cdr.domain.HangupSide;
import io.sipplatform.cdr.domain.LegFailure;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The per-carrier call metrics behind the dashboard's ASR/ACD panels and the 5xx alert. */
class CdrMetricsTest {
    private static final Instant T0 = Instant.parse("2026-11-20T10:15:00Z");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final CdrMetrics metrics = new CdrMetrics(registry);

    @Test
    void answered_call_counts_2xx_for_its_carrier_and_records_talk_time() {
        List<CallEvent> events = call("c-1", "carrier-a", 200, 4_000, 64_000);
        commit(events);

        assertEquals(1.0, completed("carrier-a", "2xx"));
        assertEquals(1, registry.get("cdr.call.talk.time").tag("carrier", "carrier-a").timer().count());
        assertEquals(60.0, registry.get("cdr.call.talk.time").tag("carrier", "carrier-a").timer()
                .totalTime(TimeUnit.SECONDS), 0.001);
    }

    @Test
    void failed_call_counts_its_code_class_and_no_talk_time() {
        commit(call("c-2", "carrier-b", 503, -1, 3_000));

        assertEquals(1.0, completed("carrier-b", "5xx"));
        assertNull(registry.find("cdr.call.talk.time").timer());
    }

    @Test
    void call_without_carrier_counts_under_none() {
        List<CallEvent> events = List.of(event("c-3", 0, 1, 0, attempt()),
                event("c-3", 0, 2, 100, new EventBody.End(404, "Not Found", 0, HangupSide.PLATFORM, EndCause.REJECTED)));
        commit(events);

        assertEquals(1.0, completed("none", "4xx"));
    }

    @Test
    void open_call_is_not_counted() {
        List<CallEvent> events = new ArrayList<>(call("c-4", "carrier-a", 200, 4_000, 64_000));
        events.remove(events.size() - 1);
        commit(events);

        assertNull(registry.find("cdr.calls.completed").counter());
    }

    @Test
    void late_event_rewriting_a_closed_call_does_not_count_it_twice() {
        List<CallEvent> events = call("c-5", "carrier-a", 200, 4_000, 64_000);
        commit(events);
        List<CallEvent> all = new ArrayList<>(events);
        CallEvent late = event("c-5", 0, 9, 65_000, new EventBody.Progress(183, true));
        all.add(late);
        metrics.committed(List.of(late), 1, 0, List.of(CallEvents.fold(all)), Duration.ofMillis(1), T0);

        assertEquals(1.0, completed("carrier-a", "2xx"));
    }

    private void commit(List<CallEvent> events) {
        Cdr cdr = CallEvents.fold(events);
        metrics.committed(events, events.size(), 0, List.of(cdr), Duration.ofMillis(1), T0.plusSeconds(70));
    }

    private double completed(String carrier, String codeClass) {
        return registry.get("cdr.calls.completed").tag("carrier", carrier).tag("code_class", codeClass).counter()
                .count();
    }

    /** Attempt, one carrier leg with the final code, answer (when 2xx) and end; answerAt < 0: not answered. */
    private static List<CallEvent> call(String callId, String carrier, int code, long answerAt, long endAt) {
        List<CallEvent> events = new ArrayList<>();
        events.add(event(callId, 0, 1, 0, attempt()));
        events.add(event(callId, 1, 1, Math.max(answerAt, 1_000), new EventBody.LegAttempt(carrier, carrier + "-gw1",
                "sip:+4940222@" + carrier, T0.plusMillis(20), code, "", LegFailure.NONE, null)));
        if (answerAt >= 0) {
            events.add(event(callId, 0, 2, answerAt, new EventBody.Answer(carrier, carrier + "-gw1", "PCMA")));
        }
        events.add(event(callId, 0, 3, endAt, new EventBody.End(code, "", 0, HangupSide.CALLER,
                code == 200 ? EndCause.BYE : EndCause.REJECTED)));
        return events;
    }

    private static EventBody.Attempt attempt() {
        return new EventBody.Attempt("cust-1", "trunk-1", Direction.OUTBOUND, "sip:+4930111@pbx", "sip:+4940222@sip",
                "sip:+4940222@sip", "+4930111", "+4940222", "+49", false);
    }

    private static CallEvent event(String callId, int leg, int seq, long atMillis, EventBody body) {
        return new CallEvent(new EventKey(callId, leg, seq), "edge-1", "eu-1", T0.plusMillis(atMillis), "d-1", body);
    }
}
