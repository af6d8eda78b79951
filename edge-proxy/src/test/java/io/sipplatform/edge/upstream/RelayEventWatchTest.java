package io.sipplatform.edge.upstream;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import io.sipplatform.edge.proxy.CallEvents;
import io.sipplatform.edge.teardown.RelayEvent;
import io.sipplatform.edge.time.ManualTimers;
import io.sipplatform.proto.media.v1.FirstPacket;
import io.sipplatform.proto.media.v1.MediaRelayGrpc;
import io.sipplatform.proto.media.v1.MediaTimeout;
import io.sipplatform.proto.media.v1.SessionExpired;
import io.sipplatform.proto.media.v1.StreamStats;
import io.sipplatform.proto.media.v1.WatchEventsRequest;
import io.sipplatform.proto.media.v1.WatchEventsResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A replica's subscription to a relay's events: over a real gRPC stream on 127.0.0.1 (group {@code edge}, events
 * mapped at the boundary), and its reconnects with bounded, doubling backoff on timers fired by name.
 */
class RelayEventWatchTest {
    final ManualTimers timers = new ManualTimers();
    final List<Server> servers = new ArrayList<>();
    final List<ManagedChannel> channels = new ArrayList<>();
    long nanos;

    @AfterEach
    void stop() {
        channels.forEach(ManagedChannel::shutdownNow);
        servers.forEach(Server::shutdownNow);
    }

    @Test
    void aReplicaSubscribesInTheEdgeGroupAndGetsTheRelaysEventsWithTheirContext() throws Exception {
        CompletableFuture<WatchEventsRequest> asked = new CompletableFuture<>();
        CompletableFuture<StreamObserver<WatchEventsResponse>> stream = new CompletableFuture<>();
        CompletableFuture<Void> cancelled = new CompletableFuture<>();
        Server server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                .addService(new MediaRelayGrpc.MediaRelayImplBase() {
                    @Override
                    public void watchEvents(WatchEventsRequest request, StreamObserver<WatchEventsResponse> out) {
                        asked.complete(request);
                        ((io.grpc.stub.ServerCallStreamObserver<WatchEventsResponse>) out)
                                .setOnCancelHandler(() -> cancelled.complete(null));
                        stream.complete(out);
                    }
                }).build().start();
        servers.add(server);
        ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", server.getPort()).usePlaintext().build();
        channels.add(channel);
        BlockingQueue<RelayEvent> received = new LinkedBlockingQueue<>();
        RelayEventWatch watch = new RelayEventWatch("r7", RelayEventWatch.Source.over(channel), "e1", timers,
                () -> nanos, Duration.ofSeconds(1), Duration.ofSeconds(30), received::add);
        watch.start();

        WatchEventsRequest request = asked.get(5, TimeUnit.SECONDS);
        assertEquals("edge", request.getGroup(), "one replica of the group gets each event");
        assertEquals("e1", request.getSubscriberId());
        StreamObserver<WatchEventsResponse> out = stream.get(5, TimeUnit.SECONDS);
        Timestamp at = Timestamp.newBuilder().setSeconds(1_795_000_000).setNanos(5).build();
        out.onNext(WatchEventsResponse.newBuilder().setRelayId("relay-a").setCallId("c1").setOccurredAt(at)
                .setMediaTimeout(MediaTimeout.getDefaultInstance())
                .setTeardown(ByteString.copyFromUtf8("sealed")).build());
        out.onNext(WatchEventsResponse.newBuilder().setCallId("c2").setOccurredAt(at)
                .setSessionExpired(SessionExpired.newBuilder()
                        .addStats(StreamStats.newBuilder().setTag("caller").setCodec("PCMA").setPackets(9))
                        .addStats(StreamStats.newBuilder().setTag("callee").setCodec("PCMA").setPackets(7)))
                .build());
        out.onNext(WatchEventsResponse.newBuilder().setCallId("c3").setFirstPacket(FirstPacket.getDefaultInstance())
                .build());

        RelayEvent timeout = received.poll(5, TimeUnit.SECONDS);
        assertNotNull(timeout);
        assertEquals("r7", timeout.relay(), "the edge's id of the relay, where the delete goes");
        assertEquals(RelayEvent.Kind.MEDIA_TIMEOUT, timeout.kind());
        assertEquals("c1", timeout.callId());
        assertArrayEquals("sealed".getBytes(), timeout.teardown());
        assertEquals(Instant.ofEpochSecond(1_795_000_000, 5), timeout.at());
        RelayEvent expired = received.poll(5, TimeUnit.SECONDS);
        assertNotNull(expired);
        assertEquals(RelayEvent.Kind.SESSION_EXPIRED, expired.kind());
        List<CallEvents.MediaStream> streams = expired.streams().apply("caller");
        assertEquals(2, streams.size());
        assertTrue(streams.get(0).caller());
        assertFalse(streams.get(1).caller());
        RelayEvent other = received.poll(5, TimeUnit.SECONDS);
        assertNotNull(other);
        assertEquals(RelayEvent.Kind.OTHER, other.kind());
        watch.stop();
        cancelled.get(5, TimeUnit.SECONDS); // the relay's stream ends with the subscription, not at the channel's end
        assertFalse(timers.isPending("watch-reconnect"));
    }

    /** A relay whose streams the test ends; counts how often it was asked. */
    class FlakySource implements RelayEventWatch.Source {
        final List<Consumer<Throwable>> failures = new ArrayList<>();
        final List<Runnable> ends = new ArrayList<>();
        int cancelled;

        @Override
        public Runnable watch(WatchEventsRequest request, Consumer<WatchEventsResponse> onEvent,
                                 Consumer<Throwable> onFailure, Runnable onEnd) {
            failures.add(onFailure);
            ends.add(onEnd);
            return () -> cancelled++;
        }

        void fail() {
            failures.get(failures.size() - 1).accept(io.grpc.Status.UNAVAILABLE.asRuntimeException());
        }
    }

    /** A started watch of relay r1 with backoff from 1 s to 5 s, dropping the events. */
    RelayEventWatch started(RelayEventWatch.Source relay) {
        RelayEventWatch watch = new RelayEventWatch("r1", relay, "e1", timers, () -> nanos, Duration.ofSeconds(1),
                Duration.ofSeconds(5), e -> { });
        watch.start();
        return watch;
    }

    @Test
    void aFailingStreamIsOpenedAgainAfterABackoffThatDoublesUpToItsBound() {
        FlakySource relay = new FlakySource();
        RelayEventWatch watch = started(relay);
        List<Duration> waits = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            relay.fail();
            waits.add(timers.delayOf("watch-reconnect"));
            timers.fire("watch-reconnect");
        }
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4),
                Duration.ofSeconds(5), Duration.ofSeconds(5)), waits);
        assertEquals(6, relay.failures.size(), "opened again after each failure");
        assertEquals(5, watch.reconnects());
    }

    @Test
    void aStreamThatStayedUpStartsOverFromTheShortestWait() {
        FlakySource relay = new FlakySource();
        RelayEventWatch watch = started(relay);
        relay.fail();
        timers.fire("watch-reconnect");
        relay.fail();
        timers.fire("watch-reconnect");
        nanos += Duration.ofMinutes(10).toNanos(); // up for ten minutes, then the relay restarts
        relay.ends.get(relay.ends.size() - 1).run();
        assertEquals(Duration.ofSeconds(1), timers.delayOf("watch-reconnect"));
    }

    @Test
    void aStoppedWatchIsCancelledAndNotOpenedAgain() {
        FlakySource relay = new FlakySource();
        RelayEventWatch watch = started(relay);
        watch.stop();
        assertEquals(1, relay.cancelled);
        relay.fail();
        assertFalse(timers.isPending("watch-reconnect"));
    }

    @Test
    void aStreamFailingWhileItOpensIsStillOpenedAgain() {
        FlakySource relay = new FlakySource() {
            @Override
            public Runnable watch(WatchEventsRequest request, Consumer<WatchEventsResponse> onEvent,
                                     Consumer<Throwable> onFailure, Runnable onEnd) {
                Runnable c = super.watch(request, onEvent, onFailure, onEnd);
                if (failures.size() == 1) {
                    onFailure.accept(io.grpc.Status.UNAVAILABLE.asRuntimeException()); // channel already shut
                }
                return c;
            }
        };
        RelayEventWatch watch = started(relay);
        timers.fire("watch-reconnect");
        assertEquals(2, relay.failures.size());
    }
}
