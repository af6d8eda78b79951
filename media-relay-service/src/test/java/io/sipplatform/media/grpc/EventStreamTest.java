package io.sipplatform.media.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.sipplatform.media.events.EventGroups;
import io.sipplatform.media.relay.MediaEvent;
import io.sipplatform.media.relay.Teardown;
import io.sipplatform.proto.media.v1.WatchEventsResponse;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One WatchEvents stream under gRPC flow control, with a fake call: bounded buffer, order, hand-back on cancel. */
class EventStreamTest {
    private static final Instant AT = Instant.parse("2026-11-21T10:00:00Z");

    /** The server side of a WatchEvents call as the stream sees it: ready or not, cancelled or not. */
    static final class FakeCall extends ServerCallStreamObserver<WatchEventsResponse> {
        final List<WatchEventsResponse> sent = new ArrayList<>();
        boolean ready = true;
        boolean cancelled;
        boolean failOnNext;
        Runnable onReady;
        Runnable onCancel;

        void becomeReady() {
            ready = true;
            onReady.run();
        }

        void cancel() {
            cancelled = true;
            onCancel.run();
        }

        @Override
        public boolean isReady() {
            return ready;
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public void setOnReadyHandler(Runnable handler) {
            onReady = handler;
        }

        @Override
        public void setOnCancelHandler(Runnable handler) {
            onCancel = handler;
        }

        @Override
        public void onNext(WatchEventsResponse value) {
            if (failOnNext) {
                throw Status.CANCELLED.withDescription("call already cancelled").asRuntimeException();
            }
            sent.add(value);
        }

        @Override
        public void setCompression(String compression) {
        }

        @Override
        public void disableAutoInboundFlowControl() {
        }

        @Override
        public void request(int count) {
        }

        @Override
        public void setMessageCompression(boolean enable) {
        }

        @Override
        public void onError(Throwable t) {
        }

        @Override
        public void onCompleted() {
        }
    }

    private final EventGroups<MediaEvent> groups = new EventGroups<>(EventGroups.Observer.NONE);

    private static MediaEvent timeout(String callId) {
        return new MediaEvent.MediaTimeout(callId, "a-tag", 0, AT, Duration.ofSeconds(60), Teardown.NONE);
    }

    private EventStream stream(FakeCall call, String group, int capacity) {
        EventStream s = new EventStream(call, "edge-1", capacity, e -> ProtoMapping.event(e, "relay-1"));
        s.start(groups.subscription(group, s));
        return s;
    }

    private static List<String> callIds(FakeCall call) {
        return call.sent.stream().map(WatchEventsResponse::getCallId).toList();
    }

    @Test
    void aReadySubscriberGetsEachEventAtOnce() {
        FakeCall call = new FakeCall();
        stream(call, "", 4);
        groups.publish(timeout("c1"));
        assertEquals(List.of("c1"), callIds(call));
        assertEquals("relay-1", call.sent.get(0).getRelayId());
    }

    @Test
    void whileFlowControlHoldsBackEventsWaitAndLeaveInOrderWhenReady() {
        FakeCall call = new FakeCall();
        call.ready = false;
        EventStream s = stream(call, "", 4);
        groups.publish(timeout("c1"));
        groups.publish(timeout("c2"));
        assertTrue(call.sent.isEmpty());
        assertEquals(2, s.buffered());
        call.becomeReady();
        assertEquals(List.of("c1", "c2"), callIds(call));
        assertEquals(0, s.buffered());
    }

    @Test
    void aSubscriberThatDoesNotReadHoldsAtMostItsBuffer() {
        FakeCall call = new FakeCall();
        call.ready = false;
        EventStream s = stream(call, "", 3);
        for (int i = 0; i < 100; i++) {
            s.offer(timeout("c" + i));
        }
        assertEquals(3, s.buffered());
        assertFalse(s.offer(timeout("one-more")), "refused: the caller counts it");
        call.becomeReady();
        assertEquals(List.of("c0", "c1", "c2"), callIds(call));
    }

    @Test
    void aCancelledReplicaHandsWhatItHadNotSentToTheOtherReplica() {
        FakeCall stuck = new FakeCall();
        stuck.ready = false;
        FakeCall live = new FakeCall();
        EventStream gone = stream(stuck, "edge", 8);
        stream(live, "edge", 8);
        groups.publish(timeout("c1")); // round robin: the stuck replica
        groups.publish(timeout("c2")); // the live one
        assertEquals(1, gone.buffered());
        stuck.cancel();
        assertFalse(gone.isOpen());
        assertEquals(List.of("c2", "c1"), callIds(live));
        assertEquals(1, groups.members("edge"));
    }

    @Test
    void aStreamWhoseSendFailsLeavesAndItsEventGoesToTheOtherReplica() {
        FakeCall failing = new FakeCall();
        failing.failOnNext = true;
        FakeCall live = new FakeCall();
        stream(failing, "edge", 8);
        stream(live, "edge", 8);
        groups.publish(timeout("c1"));
        assertEquals(List.of("c1"), callIds(live));
        assertEquals(1, groups.members("edge"));
    }
}
