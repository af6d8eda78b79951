package io.sipplatform.media.relay;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.EventLoop;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** The sockets of a pair on both transports: what queued while the event loop was busy is relayed whole. */
class RelayEndpointTest {
    private static final int BURST = 100;
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private Vertx vertx;

    @AfterEach
    void close() throws InterruptedException {
        if (vertx != null) {
            CountDownLatch closed = new CountDownLatch(1);
            vertx.close().onComplete(done -> closed.countDown());
            closed.await(10, TimeUnit.SECONDS);
        }
    }

    // Epoll reads one datagram per readiness and must come back for the rest of a burst; the direct send must not
    // lose or reorder any; the NIO path queues and flushes per read batch.
    @ParameterizedTest(name = "native epoll: {0}")
    @ValueSource(booleans = {true, false})
    void aBurstQueuedWhileTheLoopWasBusyIsRelayedWholeAndInOrder(boolean nativeTransport) throws Exception {
        vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(nativeTransport).setEventLoopPoolSize(1));
        assumeTrue(vertx.isNativeTransportEnabled() == nativeTransport, "native epoll unavailable here");
        EventLoop loop = vertx.nettyEventLoopGroup().next();
        RelayEndpoint in = bindSomewhere(loop);
        RelayEndpoint out = bindSomewhere(loop);
        try (DatagramSocket party = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0));
             DatagramSocket sink = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0))) {
            sink.setReceiveBufferSize(1 << 20);
            sink.setSoTimeout(5000);
            InetSocketAddress target = new InetSocketAddress(LOOPBACK, sink.getLocalPort());
            in.receiver(new RelayEndpoint.Receiver() {
                @Override
                public void receive(ByteBuf data, InetSocketAddress sender, boolean rtcpSocket) {
                    out.send(rtcpSocket, data, target);
                }

                @Override
                public void readComplete() {
                    out.flush();
                }

                @Override
                public void failed(Throwable cause) {
                }
            });
            CountDownLatch busy = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            loop.execute(() -> {
                busy.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS); // the loop reads nothing meanwhile: the burst queues
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            assertTrue(busy.await(10, TimeUnit.SECONDS));
            for (int i = 0; i < BURST; i++) {
                byte[] rtp = rtp(0, i, 160L * i, 7);
                party.send(new DatagramPacket(rtp, rtp.length, LOOPBACK, in.port()));
            }
            release.countDown();
            for (int i = 0; i < BURST; i++) {
                DatagramPacket got = new DatagramPacket(new byte[2048], 2048);
                sink.receive(got); // SocketTimeoutException when a packet of the burst stayed behind
                assertArrayEquals(rtp(0, i, 160L * i, 7),
                        Arrays.copyOf(got.getData(), got.getLength()), "packet " + i);
                assertEquals(out.port(), got.getPort(), "sent from the RTP socket of the other pair");
            }
        } finally {
            in.close();
            out.close();
        }
    }

    // Connected to a latched party (epoll), the socket hears only that party and answers it by send; disconnected,
    // it hears anyone again. Both sides of the connection are checked with real sockets.
    @Test
    void aConnectedSocketHearsOnlyItsPartyUntilDisconnected() throws Exception {
        vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(true).setEventLoopPoolSize(1));
        assumeTrue(vertx.isNativeTransportEnabled(), "native epoll unavailable here");
        EventLoop loop = vertx.nettyEventLoopGroup().next();
        RelayEndpoint endpoint = bindSomewhere(loop);
        try (DatagramSocket party = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0));
             DatagramSocket stranger = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0))) {
            party.setSoTimeout(5000);
            InetSocketAddress partyAddress = new InetSocketAddress(LOOPBACK, party.getLocalPort());
            BlockingQueue<Integer> heardFrom = new LinkedBlockingQueue<>();
            endpoint.receiver(new RelayEndpoint.Receiver() {
                @Override
                public void receive(ByteBuf data, InetSocketAddress sender, boolean rtcpSocket) {
                    if (sender.getPort() == party.getLocalPort()) {
                        endpoint.connect(false, sender); // the latch, as MediaStream does it
                    }
                    heardFrom.add(sender.getPort()); // after connecting: the test goes on once it is connected
                    data.release();
                }

                @Override
                public void readComplete() {
                }

                @Override
                public void failed(Throwable cause) {
                }
            });
            byte[] rtp = rtp(0, 1, 160, 7);
            party.send(new DatagramPacket(rtp, rtp.length, LOOPBACK, endpoint.port()));
            assertEquals(party.getLocalPort(), heardFrom.poll(5, TimeUnit.SECONDS));

            // connected now: the stranger's packet never reaches the relay, the party's next one does
            stranger.send(new DatagramPacket(rtp, rtp.length, LOOPBACK, endpoint.port()));
            party.send(new DatagramPacket(rtp, rtp.length, LOOPBACK, endpoint.port()));
            assertEquals(party.getLocalPort(), heardFrom.poll(5, TimeUnit.SECONDS));
            CompletableFuture<Boolean> sent = new CompletableFuture<>();
            loop.execute(() -> sent.complete(endpoint.send(false, Unpooled.directBuffer().writeBytes(rtp), partyAddress)));
            assertTrue(sent.get(5, TimeUnit.SECONDS));
            DatagramPacket got = new DatagramPacket(new byte[2048], 2048);
            party.receive(got);
            assertEquals(endpoint.port(), got.getPort(), "the party hears the relay from the port it sends to");

            endpoint.disconnect();
            CompletableFuture<Void> disconnected = new CompletableFuture<>();
            loop.execute(() -> disconnected.complete(null)); // runs after the disconnect queued before it
            disconnected.get(5, TimeUnit.SECONDS);
            stranger.send(new DatagramPacket(rtp, rtp.length, LOOPBACK, endpoint.port()));
            assertEquals(stranger.getLocalPort(), heardFrom.poll(5, TimeUnit.SECONDS));
            assertNull(heardFrom.poll(), "the stranger's packet sent while connected never arrived");
        } finally {
            endpoint.close();
        }
    }

    private RelayEndpoint bindSomewhere(EventLoop loop) throws Exception {
        for (int port = 32_000 + 2 * (int) (ProcessHandle.current().pid() % 400); ; port += 2) {
            CountDownLatch done = new CountDownLatch(1);
            RelayEndpoint[] bound = new RelayEndpoint[1];
            RelayEndpoint.bind(vertx, loop, "127.0.0.1", port).onComplete(r -> {
                bound[0] = r.succeeded() ? r.result() : null;
                done.countDown();
            });
            assertTrue(done.await(10, TimeUnit.SECONDS));
            if (bound[0] != null) {
                return bound[0];
            }
            if (port >= 34_000) {
                fail("no free pair between 32000 and 34000");
            }
        }
    }

    private static byte[] rtp(int payloadType, int sequence, long timestamp, int ssrc) {
        byte[] packet = new byte[172]; // G.711: 12-byte header, 160 bytes of 20 ms
        packet[0] = (byte) 0x80;
        packet[1] = (byte) payloadType;
        packet[2] = (byte) (sequence >> 8);
        packet[3] = (byte) sequence;
        for (int i = 0; i < 4; i++) {
            packet[4 + i] = (byte) (timestamp >> (24 - 8 * i));
            packet[8 + i] = (byte) (ssrc >> (24 - 8 * i));
        }
        return packet;
    }
}
