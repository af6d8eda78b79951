package io.sipplatform.edge.upstream;

import com.google.protobuf.ByteString;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import io.sipplatform.edge.proxy.Upstream;
import io.sipplatform.proto.media.v1.AnswerRequest;
import io.sipplatform.proto.media.v1.AnswerResponse;
import io.sipplatform.proto.media.v1.MediaRelayGrpc;
import io.sipplatform.proto.media.v1.MutinyMediaRelayGrpc;
import io.sipplatform.proto.media.v1.OfferRequest;
import io.sipplatform.proto.media.v1.OfferResponse;
import io.sipplatform.proto.media.v1.RewrittenSdp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The relay choice over real gRPC channels on 127.0.0.1 (as {@code edge.media.relays} builds them): a relay whose
 * port refuses connections fails with UNAVAILABLE and the offer goes to the next; a relay that does not answer in
 * the deadline gives 504.
 */
class MediaRelaysGrpcTest {
    final List<Server> servers = new ArrayList<>();
    final List<ManagedChannel> channels = new ArrayList<>();
    final List<String> received = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        channels.forEach(ManagedChannel::shutdownNow);
        servers.forEach(Server::shutdownNow);
    }

    /** A relay answering every offer and answer with {@code sdp}, or never when {@code silent}. */
    int relay(String name, String sdp, boolean silent) throws IOException {
        Server s = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                .addService(new MediaRelayGrpc.MediaRelayImplBase() {
                    @Override
                    public void offer(OfferRequest request, StreamObserver<OfferResponse> response) {
                        received.add(name + " offer " + request.getCallId() + " " + request.getFromTag());
                        if (!silent) {
                            response.onNext(OfferResponse.newBuilder().setRewritten(RewrittenSdp.newBuilder()
                                    .setSdp(ByteString.copyFromUtf8(sdp))).build());
                            response.onCompleted();
                        }
                    }

                    @Override
                    public void answer(AnswerRequest request, StreamObserver<AnswerResponse> response) {
                        received.add(name + " answer " + request.getCallId() + " " + request.getFromTag() + " "
                                + request.getToTag());
                        response.onNext(AnswerResponse.newBuilder().setRewritten(RewrittenSdp.newBuilder()
                                .setSdp(ByteString.copyFromUtf8(sdp))).build());
                        response.onCompleted();
                    }
                }).build().start();
        servers.add(s);
        return s.getPort();
    }

    /** A port on 127.0.0.1 where nothing listens (connection refused: UNAVAILABLE). */
    static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }

    MediaRelays.Relay over(String entry) {
        RelayAddress a = RelayAddress.parse(entry);
        ManagedChannel channel = NettyChannelBuilder.forAddress(a.host(), a.port()).usePlaintext().build();
        channels.add(channel);
        // long enough for a cold channel's first call to reach the silent relay on a loaded machine, which the
        // no-second-try assertion needs; short enough for the test
        return new MediaRelays.Relay(a.id(), MediaRelays.Client.over(MutinyMediaRelayGrpc.newMutinyStub(channel),
                Duration.ofSeconds(2)));
    }

    static <T> T await(java.util.concurrent.CompletionStage<T> stage) throws Exception {
        return stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void anOfferAtARelayThatRefusesConnectionsGoesToTheNextAndLaterCallsFollowIt() throws Exception {
        int b = relay("b", "sdp-of-b", false);
        MediaRelays relays = new MediaRelays(List.of(over("a=127.0.0.1:" + closedPort()), over("b=127.0.0.1:" + b)),
                Duration.ofSeconds(10), System::nanoTime, new GrpcToSip(Duration.ofSeconds(5)));
        Upstream.Media offered = await(relays.offer(new Upstream.MediaLeg(null, "c1", "caller", null),
                "v=0\r\n".getBytes(StandardCharsets.UTF_8), null, null));
        assertEquals("b", offered.relay());
        assertEquals("sdp-of-b", new String(offered.sdp(), StandardCharsets.UTF_8));
        assertEquals(1, relays.failovers());
        Upstream.Media answered = await(relays.answer(new Upstream.MediaLeg(offered.relay(), "c1", "caller",
                "callee"), "v=0\r\n".getBytes(StandardCharsets.UTF_8), null, null));
        assertEquals("sdp-of-b", new String(answered.sdp(), StandardCharsets.UTF_8));
        assertEquals(List.of("b offer c1 caller", "b answer c1 caller callee"), received);
    }

    @Test
    void aRelayThatDoesNotAnswerInTheDeadlineGives504AndNoSecondTry() throws Exception {
        int silent = relay("silent", "", true);
        int b = relay("b", "sdp-of-b", false);
        MediaRelays relays = new MediaRelays(List.of(over("s=127.0.0.1:" + silent), over("b=127.0.0.1:" + b)),
                Duration.ofSeconds(10), System::nanoTime, new GrpcToSip(Duration.ofSeconds(5)));
        Upstream.Media m = await(relays.offer(new Upstream.MediaLeg(null, "c2", "caller", null),
                "v=0\r\n".getBytes(StandardCharsets.UTF_8), null, null));
        assertEquals(504, m.code(), "the relay may have created the session: it is not placed twice");
        assertEquals(List.of("silent offer c2 caller"), received);
    }
}
