package io.sipplatform.cdr.domain;

import static io.sipplatform.cdr.domain.Calls.T0;
import static io.sipplatform.cdr.domain.Calls.attempt;
import static io.sipplatform.cdr.domain.Calls.end;
import static io.sipplatform.cdr.domain.Calls.event;
import static io.sipplatform.cdr.domain.Calls.leg;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CallEventsTest {

    @Test
    void answeredCallFoldsIntoOneCdrWithBillableSecondsRoundedUp() {
        Cdr cdr = CallEvents.fold(Calls.answered("c1", "edge-a", "edge-a"));

        assertEquals(CdrState.CLOSED, cdr.state());
        assertEquals(Disposition.ANSWERED, cdr.disposition());
        assertEquals(T0, cdr.startTime());
        assertEquals(T0.plusMillis(1_500), cdr.progressTime());
        assertEquals(T0.plusMillis(4_000), cdr.answerTime());
        assertEquals(T0.plusMillis(64_200), cdr.endTime());
        assertEquals(Duration.ofMillis(64_200), cdr.duration());
        assertEquals(Duration.ofMillis(60_200), cdr.talkTime());
        assertEquals(61, cdr.billableSeconds());
        assertEquals(Duration.ofMillis(1_500), cdr.postDialDelay());
        assertEquals("carrier-a", cdr.carrierId());
        assertEquals("carrier-a-gw1", cdr.gatewayId());
        assertEquals("cust-1", cdr.customerId());
        assertEquals("+4940222", cdr.calleeE164());
        assertEquals("PCMA", cdr.codec());
        assertEquals(new MediaQuality(3000, 12, Duration.ofMillis(4), 4.2), cdr.callerMedia());
        assertEquals(HangupSide.CALLER, cdr.hangupSide());
        assertEquals(1, cdr.legs().size());
        assertEquals(6, cdr.eventCount());
        assertFalse(cdr.orphan());
    }

    @Test
    void eventsOutOfOrderGiveTheSameCdrInEveryArrivalOrder() {
        List<CallEvent> events = Calls.answered("c1", "edge-a", "edge-a");
        Cdr expected = CallEvents.fold(events);
        Random random = new Random(7);
        for (int i = 0; i < 50; i++) {
            List<CallEvent> shuffled = new ArrayList<>(events);
            Collections.shuffle(shuffled, random);
            assertEquals(expected, CallEvents.fold(shuffled), "order " + shuffled);
        }
    }

    @Test
    void duplicatedEventIsRefusedAndChangesNothing() {
        List<CallEvent> events = Calls.answered("c1", "edge-a", "edge-a");
        CallEvents call = new CallEvents("c1");
        events.forEach(call::add);
        Cdr before = call.fold();

        for (CallEvent e : events) {
            assertFalse(call.add(e), "replay of " + e.key());
        }
        // A replay with other content (a late copy from another replica) is still the same event.
        assertFalse(call.add(event("c1", 0, 4, "edge-b", 99_000, end(503, HangupSide.PLATFORM, EndCause.TIMEOUT))));
        assertEquals(before, call.fold());
    }

    @Test
    void eventsFromTwoEdgesMakeOneCdrEqualToOneEdgeSendingAll() {
        Cdr oneEdge = CallEvents.fold(Calls.answered("c1", "edge-a", "edge-a"));
        List<CallEvent> twoEdges = new ArrayList<>(Calls.answered("c1", "edge-a", "edge-b"));
        // Both replicas report the answer (same key): counted once.
        twoEdges.add(event("c1", 0, 3, "edge-a", 4_010, new EventBody.Answer("carrier-a", "carrier-a-gw1", "PCMA")));

        Cdr cdr = CallEvents.fold(twoEdges);

        assertEquals(oneEdge, cdr);
    }

    @Test
    void callWithoutAttemptYetStartsAtItsEarliestEventAndStaysOpen() {
        Cdr cdr = CallEvents.fold(List.of(event("c1", 0, 2, "edge-a", 1_500, new EventBody.Progress(183, true))));

        assertEquals(CdrState.OPEN, cdr.state());
        assertNull(cdr.disposition());
        assertNull(cdr.endTime());
        assertEquals(T0.plusMillis(1_500), cdr.startTime());
    }

    @Test
    void failedCallNamesTheCarrierOfTheLastBranch() {
        Cdr cdr = CallEvents.fold(List.of(
                event("c1", 0, 1, "edge-a", 0, attempt("cust-1", "trunk-1")),
                event("c1", 1, 1, "edge-a", 900, leg("carrier-a", 503, -1)),
                event("c1", 2, 1, "edge-a", 2_000, leg("carrier-b", 486, 300)),
                event("c1", 0, 2, "edge-a", 2_000, end(486, HangupSide.CALLEE, EndCause.REJECTED))));

        assertEquals(Disposition.BUSY, cdr.disposition());
        assertEquals("carrier-b", cdr.carrierId());
        assertEquals(0, cdr.billableSeconds());
        assertNull(cdr.talkTime());
        assertEquals(List.of(1, 2), cdr.legs().stream().map(Leg::leg).toList());
    }

    @Test
    void endStampedBeforeTheStartByASkewedReplicaEndsTheCallAtItsStart() {
        Cdr cdr = CallEvents.fold(List.of(
                event("c1", 0, 1, "edge-a", 5_000, attempt("cust-1", "trunk-1")),
                event("c1", 0, 2, "edge-b", 4_000, end(487, HangupSide.CALLER, EndCause.CANCEL))));

        assertEquals(Duration.ZERO, cdr.duration());
        assertEquals(Disposition.CANCELLED, cdr.disposition());
    }

    @Test
    void eventOfAnotherCallIsRejected() {
        CallEvents call = new CallEvents("c1");
        assertThrows(IllegalArgumentException.class,
                () -> call.add(event("c2", 0, 1, "edge-a", 0, attempt("cust-1", "trunk-1"))));
    }

    @Test
    void sequenceZeroIsReservedForOrphanClosing() {
        assertThrows(IllegalArgumentException.class,
                () -> event("c1", 0, 0, "edge-a", 0, attempt("cust-1", "trunk-1")));
    }

    static Stream<Arguments> dispositions() {
        return Stream.of(
                Arguments.of("BYE after answer", true, 200, 0, EndCause.BYE, Disposition.ANSWERED),
                Arguments.of("487 after CANCEL", false, 487, 0, EndCause.CANCEL, Disposition.CANCELLED),
                Arguments.of("CANCEL cause without code", false, 0, 0, EndCause.CANCEL, Disposition.CANCELLED),
                Arguments.of("486 Busy Here", false, 486, 0, EndCause.REJECTED, Disposition.BUSY),
                Arguments.of("600 Busy Everywhere", false, 600, 0, EndCause.REJECTED, Disposition.BUSY),
                Arguments.of("Q.850 17 user busy", false, 503, 17, EndCause.REJECTED, Disposition.BUSY),
                Arguments.of("408 Request Timeout", false, 408, 0, EndCause.REJECTED, Disposition.NO_ANSWER),
                Arguments.of("480 Temporarily Unavailable", false, 480, 0, EndCause.REJECTED,
                        Disposition.NO_ANSWER),
                Arguments.of("Q.850 19 no answer", false, 500, 19, EndCause.REJECTED, Disposition.NO_ANSWER),
                Arguments.of("no answer in time", false, 0, 0, EndCause.TIMEOUT, Disposition.NO_ANSWER),
                Arguments.of("503 from every carrier", false, 503, 0, EndCause.REJECTED, Disposition.FAILED),
                Arguments.of("routing refused", false, 403, 0, EndCause.ROUTING_REJECTED, Disposition.FAILED),
                Arguments.of("unanswered orphan", false, 0, 0, EndCause.MAX_DURATION, Disposition.FAILED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dispositions")
    void dispositionFollowsFinalCodeAndCause(String name, boolean answered, int code, int q850, EndCause cause,
            Disposition expected) {
        assertEquals(expected, Disposition.of(answered, code, q850, cause));
    }

    @Test
    void finalCode2xxCountsAsAnsweredWithoutAnAnswerEvent() {
        assertEquals(Disposition.ANSWERED, Disposition.of(false, 200, 0, EndCause.BYE));
    }
}
