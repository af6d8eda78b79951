package io.sipplatform.cdr.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sipplatform.cdr.domain.CallEvent;
import io.sipplatform.cdr.domain.EventBody;
import io.sipplatform.cdr.domain.EventKey;
import io.sipplatform.cdr.fixture.Traffic;
import io.sipplatform.proto.cdr.v1.CallEnd;
import io.sipplatform.proto.cdr.v1.MediaStats;
import io.sipplatform.proto.cdr.v1.MediaStreamSummary;
import io.sipplatform.proto.common.v1.SipOutcome;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ProtoEventsTest {
    private final ProtoEvents codec = new ProtoEvents();

    @Test
    void everyKindOfEventSurvivesTheStoredForm() {
        for (CallEvent e : Traffic.hour()) {
            assertEquals(e, codec.decode(codec.encode(e)), e.body().kind());
        }
    }

    @Test
    void orphanClosingIsStoredAsSequenceZeroAndReadBackAsOrphanClosing() {
        CallEvent closing = new CallEvent(EventKey.orphanClosing("c1"), "", "eu-1", Traffic.HOUR, "",
                new EventBody.OrphanClosed());
        assertInstanceOf(EventBody.OrphanClosed.class, codec.decode(codec.encode(closing)).body());
    }

    static Stream<Arguments> invalidEvents() {
        io.sipplatform.proto.cdr.v1.CallEvent valid = ProtoEvents.toWire(Traffic.hour().get(0));
        return Stream.of(
                Arguments.of("sequence 0 (reserved)", valid.toBuilder().setSequence(0).build()),
                Arguments.of("sequence of 2^31 or more", valid.toBuilder().setSequence(-5).build()),
                Arguments.of("leg of 2^31 or more", valid.toBuilder().setLeg(-1).build()),
                Arguments.of("no call id", valid.toBuilder().setCallId("").build()),
                Arguments.of("call id over 256 characters", valid.toBuilder().setCallId("x".repeat(257)).build()),
                Arguments.of("no event time", valid.toBuilder().clearEventTime().build()),
                Arguments.of("no event body", valid.toBuilder().clearAttempt().build()),
                Arguments.of("status code 700", valid.toBuilder().setEnd(CallEnd.newBuilder()
                        .setFinalResponse(SipOutcome.newBuilder().setCode(700))).build()),
                Arguments.of("packet counter of 2^63 or more", valid.toBuilder().setMediaStats(MediaStats.newBuilder()
                        .addStreams(MediaStreamSummary.newBuilder().setPackets(-1))).build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidEvents")
    void invalidEdgeEventIsRefusedWithAReason(String name, io.sipplatform.proto.cdr.v1.CallEvent event) {
        assertThrows(IllegalArgumentException.class, () -> codec.fromEdge(event));
    }

    @Test
    void unknownEnumNumbersFromANewerEdgeReadAsUnknown() {
        io.sipplatform.proto.cdr.v1.CallEvent end = ProtoEvents.toWire(Traffic.hour().get(4)).toBuilder()
                .setEnd(CallEnd.newBuilder().setCauseValue(99).setHangupSideValue(42)).build();
        EventBody.End body = (EventBody.End) codec.fromEdge(end).body();
        assertEquals(List.of("UNKNOWN", "UNKNOWN"), List.of(body.cause().name(), body.hangupSide().name()));
    }
}
