package io.sipplatform.media.it;

import com.google.protobuf.ByteString;
import io.grpc.Channel;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.sipplatform.proto.media.v1.MediaRelayGrpc;
import io.sipplatform.proto.media.v1.WatchEventsRequest;
import io.sipplatform.proto.media.v1.WatchEventsResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** One WatchEvents subscriber (an edge replica or cdr-service) collecting what the relay streams to it. */
final class EventWatch implements AutoCloseable {
    private final BlockingQueue<WatchEventsResponse> received = new LinkedBlockingQueue<>();
    private volatile ClientCallStreamObserver<WatchEventsRequest> call;
    private volatile Throwable failure;

    EventWatch(Channel channel, String subscriberId, String group) {
        WatchEventsRequest request = WatchEventsRequest.newBuilder().setSubscriberId(subscriberId).setGroup(group)
                .build();
        MediaRelayGrpc.newStub(channel).watchEvents(request, new Collector());
    }

    private final class Collector implements ClientResponseObserver<WatchEventsRequest, WatchEventsResponse> {
        @Override
        public void beforeStart(ClientCallStreamObserver<WatchEventsRequest> stream) {
            call = stream;
        }

        @Override
        public void onNext(WatchEventsResponse value) {
            received.add(value);
        }

        @Override
        public void onError(Throwable t) {
            failure = t;
        }

        @Override
        public void onCompleted() {
        }
    }

    /** The next event of {@code callId} of {@code kind} within {@code millis}, skipping others; null when none. */
    WatchEventsResponse next(String callId, WatchEventsResponse.EventCase kind, long millis)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (true) {
            long left = deadline - System.nanoTime();
            WatchEventsResponse e = left <= 0 ? null : received.poll(left, TimeUnit.NANOSECONDS);
            if (e == null || e.getCallId().equals(callId) && e.getEventCase() == kind) {
                return e;
            }
        }
    }

    /**
     * Returns once this subscriber of every event is registered at the relay (subscribing is asynchronous): probe
     * calls, each with one RTP packet from A, until one's first-packet event arrives here.
     */
    void awaitSubscribed(MediaRelayGrpc.MediaRelayBlockingStub relay) throws InterruptedException {
        for (int attempt = 0; attempt < 25; attempt++) {
            try (CallPeers probe = new CallPeers(relay, "probe-")) {
                probe.aRtp.send(UdpPeer.rtp(0, 1, 160, 0xA), probe.establish(ByteString.EMPTY));
                if (next(probe.callId, WatchEventsResponse.EventCase.FIRST_PACKET, 200) != null) {
                    return;
                }
            }
        }
        throw new AssertionError("no first-packet event: subscription not registered");
    }

    /** Every event received so far of calls whose Call-ID starts with {@code prefix}, removed from the queue. */
    List<WatchEventsResponse> drain(String prefix) {
        List<WatchEventsResponse> all = new ArrayList<>();
        received.drainTo(all);
        return all.stream().filter(e -> e.getCallId().startsWith(prefix)).toList();
    }

    /** The stream's failure, e.g. INVALID_ARGUMENT for a malformed group; null while it runs. */
    Throwable failure() {
        return failure;
    }

    /** Cancels the stream, as a replica that stops or loses its connection. */
    @Override
    public void close() {
        call.cancel("subscriber leaves", null);
    }
}
