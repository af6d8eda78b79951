package io.sipplatform.cdr.domain;

import static io.sipplatform.cdr.domain.Calls.T0;
import static io.sipplatform.cdr.domain.Calls.attempt;
import static io.sipplatform.cdr.domain.Calls.end;
import static io.sipplatform.cdr.domain.Calls.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrphanSweepTest {
    private static final Duration MAX = Duration.ofHours(4);

    private static List<CallEvent> answeredWithoutEnd() {
        return List.of(event("c1", 0, 1, "edge-a", 0, attempt("cust-1", "trunk-1")),
                event("c1", 0, 2, "edge-a", 2_000, new EventBody.Answer("carrier-a", "gw", "PCMU")));
    }

    @Test
    void openCallIsLeftAloneBeforeMaxDuration() {
        OrphanSweep sweep = new OrphanSweep(MAX, InstantSource.fixed(T0.plus(MAX).minusMillis(1)));
        assertTrue(sweep.closing(CallEvents.fold(answeredWithoutEnd())).isEmpty());
    }

    @Test
    void orphanIsClosedAtStartPlusMaxDurationWhenTheSweepRunsLater() {
        OrphanSweep sweep = new OrphanSweep(MAX, InstantSource.fixed(T0.plus(MAX).plusSeconds(3600)));
        List<CallEvent> events = new ArrayList<>(answeredWithoutEnd());
        CallEvent closing = sweep.closing(CallEvents.fold(events)).orElseThrow();
        events.add(closing);

        Cdr cdr = CallEvents.fold(events);

        assertEquals(EventKey.orphanClosing("c1"), closing.key());
        assertEquals(CdrState.CLOSED, cdr.state());
        assertTrue(cdr.orphan());
        assertEquals(T0.plus(MAX), cdr.endTime());
        assertEquals(EndCause.MAX_DURATION, cdr.endCause());
        assertEquals(HangupSide.PLATFORM, cdr.hangupSide());
        assertEquals(Disposition.ANSWERED, cdr.disposition());
        assertEquals(MAX.minusSeconds(2).getSeconds(), cdr.billableSeconds());
        assertEquals(T0.plus(MAX).plusSeconds(3600).minus(MAX), sweep.startedBefore());
    }

    @Test
    void lateRealEndOverridesOrphanClosing() {
        OrphanSweep sweep = new OrphanSweep(MAX, InstantSource.fixed(T0.plus(MAX)));
        List<CallEvent> events = new ArrayList<>(answeredWithoutEnd());
        events.add(sweep.closing(CallEvents.fold(events)).orElseThrow());
        events.add(event("c1", 0, 3, "edge-a", 62_000, end(200, HangupSide.CALLEE, EndCause.BYE)));

        Cdr cdr = CallEvents.fold(events);

        assertFalse(cdr.orphan());
        assertEquals(60, cdr.billableSeconds());
        assertEquals(EndCause.BYE, cdr.endCause());
    }

    @Test
    void closedCallIsNeverAnOrphan() {
        OrphanSweep sweep = new OrphanSweep(MAX, InstantSource.fixed(T0.plus(MAX).plus(MAX)));
        assertTrue(sweep.closing(CallEvents.fold(Calls.answered("c1", "edge-a", "edge-b"))).isEmpty());
    }
}
