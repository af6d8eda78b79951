package io.sipplatform.edge.transport;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sipplatform.sip.message.DatagramFramer;
import io.sipplatform.sip.message.FrameLimits;
import io.sipplatform.sip.message.Framed;
import io.sipplatform.sip.message.HeaderName;
import io.sipplatform.sip.message.MalformedReason;
import io.sipplatform.sip.message.SipMessage;
import io.sipplatform.sip.message.SipMessageBuilder;
import io.sipplatform.sip.message.SipRequest;
import io.sipplatform.sip.message.SipResponse;
import io.sipplatform.sip.message.SipStatus;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class UdpTransportTest {
    private static Vertx vertx;

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final Deliveries deliveries = new Deliveries();
    private SipTransports transports;

    @BeforeAll
    static void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void closeVertx() throws Exception {
        Await.result(vertx.close());
    }

    @AfterEach
    void stop() throws Exception {
        if (transports != null) {
            Await.result(transports.stop());
        }
    }

    private InetSocketAddress start(TransportSettings settings) throws Exception {
        transports = new SipTransports(vertx, settings, meters);
        Await.result(transports.start(deliveries));
        return transports.listener(Transport.UDP).orElseThrow().bound();
    }

    private InetSocketAddress startOnLoopback() throws Exception {
        return start(TransportSettings.of(ListenerSettings.of(Transport.UDP, "127.0.0.1", 0)));
    }

    private static DatagramSocket peer(String host) throws Exception {
        DatagramSocket s = new DatagramSocket(new InetSocketAddress(host, 0));
        s.setSoTimeout(10_000);
        return s;
    }

    private static void send(DatagramSocket peer, byte[] bytes, InetSocketAddress to) throws Exception {
        peer.send(new DatagramPacket(bytes, bytes.length, to));
    }

    private static DatagramPacket receive(DatagramSocket peer) throws Exception {
        DatagramPacket p = new DatagramPacket(new byte[70_000], 70_000);
        peer.receive(p);
        return p;
    }

    private static SipMessage frame(DatagramPacket p) {
        Framed f = new DatagramFramer().frame(Arrays.copyOf(p.getData(), p.getLength()));
        return assertInstanceOf(Framed.Message.class, f).message();
    }

    private double counter(String name, String... tags) {
        return meters.get(name).tags(tags).counter().count();
    }

    /** Sends a valid request and waits for it: everything the same peer sent before has been handled. */
    private void barrier(DatagramSocket peer, InetSocketAddress edge, String callId) throws Exception {
        send(peer, Fixtures.options(callId), edge);
        assertEquals(callId, deliveries.next().callId());
    }

    /** Has the edge send a marker to the peer and checks it is the first thing the peer receives. */
    private void assertNothingElseReceived(DatagramSocket peer) throws Exception {
        byte[] marker = Fixtures.options("marker");
        transports.send(Destination.of(Transport.UDP, (InetSocketAddress) peer.getLocalSocketAddress()), marker,
                null);
        assertEquals("marker", frame(receive(peer)).callId());
    }

    @Test
    void deliversADatagramOnTheEventLoopThatReadIt() throws Exception {
        InetSocketAddress edge = startOnLoopback();
        try (DatagramSocket peer = peer("127.0.0.1")) {
            send(peer, Fixtures.options("udp-in-1"), edge);
            send(peer, Fixtures.options("udp-in-2"), edge);
            Deliveries.Delivery first = deliveries.next();
            Deliveries.Delivery second = deliveries.next();

            assertEquals("udp-in-1", first.callId());
            assertEquals(Transport.UDP, first.inbound().transport());
            assertNull(first.inbound().flowId());
            assertEquals(peer.getLocalSocketAddress(), first.inbound().remote());
            assertEquals(edge, first.inbound().local());
            assertInstanceOf(SipRequest.class, first.inbound().message());
            assertNotNull(first.context(), "handler ran outside a Vert.x context");
            assertTrue(first.context().isEventLoopContext());
            assertTrue(first.onEventLoopThread());
            assertSame(first.context(), second.context(), "one socket, one event loop");
            assertEquals(2.0, counter("sip.transport.messages.received", "transport", "udp"));
        }
    }

    @Test
    void sendsTheResponseFromTheListeningSocketToTheRequestSource() throws Exception {
        InetSocketAddress edge = startOnLoopback();
        try (DatagramSocket peer = peer("127.0.0.1")) {
            send(peer, Fixtures.options("udp-out"), edge);
            Inbound request = deliveries.next().inbound();
            byte[] ok = SipMessageBuilder.responseTo((SipRequest) request.message(), SipStatus.of(200)).toBytes();
            CompletableFuture<Throwable> failure = new CompletableFuture<>();

            transports.send(Destination.of(Transport.UDP, request.remote()), ok, failure::complete);

            DatagramPacket answer = receive(peer);
            assertEquals(edge, answer.getSocketAddress(), "symmetric: from the port the request went to");
            SipResponse response = assertInstanceOf(SipResponse.class, frame(answer));
            assertEquals(200, response.statusCode());
            assertEquals("udp-out", response.callId());
            assertEquals(1.0, counter("sip.transport.messages.sent", "transport", "udp"));
            assertTrue(!failure.isDone());
        }
    }

    @Test
    void answersAMalformedButReadableRequestWith400ToTheSender() throws Exception {
        InetSocketAddress edge = startOnLoopback();
        try (DatagramSocket peer = peer("127.0.0.1")) {
            send(peer, Fixtures.bytes("malformed-bad-header-line.sip"), edge);

            SipResponse answer = assertInstanceOf(SipResponse.class, frame(receive(peer)));
            assertEquals(400, answer.statusCode());
            assertEquals("transport-malformed-1@127.0.0.1", answer.callId());
            assertEquals("z9hG4bK-transport-bad", answer.topVia().branch());
            assertNotNull(answer.toTag(), "a To tag is added (RFC 3261 §8.2.6.2)");
            assertEquals(1.0, counter("sip.transport.parse.errors", "transport", "udp", "reason", "bad_header"));
            barrier(peer, edge, "after-malformed");
            deliveries.assertEmpty();
        }
    }

    @Test
    void countsJunkAsADropWithoutAnswering() throws Exception {
        InetSocketAddress edge = startOnLoopback();
        try (DatagramSocket peer = peer("127.0.0.1")) {
            send(peer, Fixtures.bytes("junk-not-sip.sip"), edge);
            barrier(peer, edge, "after-junk");

            assertEquals(1.0, counter("sip.transport.drops", "transport", "udp", "reason", "bad_start_line"));
            assertEquals(1.0, counter("sip.transport.parse.errors", "transport", "udp", "reason",
                    "bad_start_line"));
            deliveries.assertEmpty();
            assertNothingElseReceived(peer);
        }
    }

    @Test
    void dropsAnOversizeDatagramWithoutAnsweringEvenWhenReadable() throws Exception {
        FrameLimits small = new FrameLimits(1024, 256, 8192, 1024);
        InetSocketAddress edge = start(TransportSettings.of(ListenerSettings.of(Transport.UDP, "127.0.0.1", 0))
                .withFrameLimits(small));
        try (DatagramSocket peer = peer("127.0.0.1")) {
            byte[] big = Fixtures.message("options.sip").toBuilder()
                    .addHeader("X-Pad", "p".repeat(1500)).toBytes();
            send(peer, big, edge);
            barrier(peer, edge, "after-oversize");

            assertEquals(1.0, counter("sip.transport.drops", "transport", "udp", "reason", "message_too_large"));
            assertNothingElseReceived(peer);
        }
    }

    @Test
    void receivesADatagramLargerThanTheDefaultNettyReadBuffer() throws Exception {
        InetSocketAddress edge = startOnLoopback();
        try (DatagramSocket peer = peer("127.0.0.1")) {
            byte[] big = Fixtures.message("options.sip").toBuilder()
                    .setHeader(HeaderName.CALL_ID, "udp-big")
                    .addHeader("X-Pad", "p".repeat(6000)).toBytes();
            assertTrue(big.length > 2048);
            send(peer, big, edge);

            Inbound in = deliveries.next().inbound();
            assertEquals("udp-big", in.message().callId());
            assertEquals(6000, in.message().header("X-Pad").length());
        }
    }

    @Test
    void countsKeepAlivesAndIgnoresThem() throws Exception {
        InetSocketAddress edge = startOnLoopback();
        try (DatagramSocket peer = peer("127.0.0.1")) {
            send(peer, new byte[]{'\r', '\n', '\r', '\n'}, edge);
            barrier(peer, edge, "after-ping");

            assertEquals(1.0, counter("sip.transport.keepalives", "transport", "udp", "kind", "ping"));
            deliveries.assertEmpty();
            assertNothingElseReceived(peer);
        }
    }

    @Test
    void worksOverIpv6Loopback() throws Exception {
        assumeTrue(ipv6Loopback(), "no IPv6 loopback on this host");
        InetSocketAddress edge = start(TransportSettings.of(ListenerSettings.of(Transport.UDP, "::1", 0)));
        try (DatagramSocket peer = peer("::1")) {
            send(peer, Fixtures.options("udp-v6"), edge);
            Inbound in = deliveries.next().inbound();
            assertEquals(InetAddress.getByName("::1"), in.remote().getAddress());

            transports.send(Destination.of(Transport.UDP, in.remote()), Fixtures.options("udp-v6-back"), null);
            DatagramPacket back = receive(peer);
            assertEquals(edge, back.getSocketAddress());
            assertEquals("udp-v6-back", frame(back).callId());
            assertEquals("[::1]:" + edge.getPort(), transports.advertised(Transport.UDP).orElseThrow().hostPort());
        }
    }

    @Test
    void reportsBoundAndAdvertisedAddressesPerListener() throws Exception {
        boolean v6 = ipv6Loopback();
        ListenerSettings natted = ListenerSettings.of(Transport.UDP, "127.0.0.1", 0).advertising("sip.example.net",
                5060);
        ListenerSettings plain = ListenerSettings.of(Transport.UDP, v6 ? "::1" : "127.0.0.1", 0);
        start(TransportSettings.of(natted, plain));

        BoundListener first = transports.listeners().get(0);
        BoundListener second = transports.listeners().get(1);
        assertTrue(first.bound().getPort() > 0);
        assertEquals(new ListenPoint(Transport.UDP, "sip.example.net", 5060), first.advertised());
        assertEquals(first.advertised(), transports.advertised(Transport.UDP).orElseThrow());
        assertEquals(second.bound().getPort(), second.advertised().port(), "port 0 advertises the bound port");
        assertEquals(plain.listenHost(), second.advertised().host());
        assertTrue(transports.advertised(Transport.TCP).isEmpty());
        if (v6) {
            InetSocketAddress v6Peer = new InetSocketAddress("::1", 5060);
            assertEquals(second.advertised(), transports.advertisedFor(Transport.UDP, v6Peer));
            assertEquals(first.advertised(),
                    transports.advertisedFor(Transport.UDP, new InetSocketAddress("127.0.0.1", 5060)));
        }
    }

    @Test
    void countsAHandlerFailureAsADropAndKeepsReceiving() throws Exception {
        transports = new SipTransports(vertx, TransportSettings.of(ListenerSettings.of(Transport.UDP, "127.0.0.1",
                0)), meters);
        Await.result(transports.start(in -> {
            if (in.message().callId().equals("boom")) {
                throw new IllegalStateException("handler bug");
            }
            deliveries.accept(in);
        }));
        InetSocketAddress edge = transports.listener(Transport.UDP).orElseThrow().bound();
        try (DatagramSocket peer = peer("127.0.0.1")) {
            send(peer, Fixtures.options("boom"), edge);
            barrier(peer, edge, "after-boom");
            assertEquals(1.0, counter("sip.transport.drops", "transport", "udp", "reason", "handler_error"));
        }
    }

    static boolean ipv6Loopback() {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress("::1", 0))) {
            return s.getLocalPort() > 0;
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    void malformedReasonsOfSizeLimitsAreTheOnesAnsweredWith513() {
        for (MalformedReason r : MalformedReason.values()) {
            Framed.Malformed m = new Framed.Malformed(r, 0, "", io.sipplatform.sip.message.MandatoryHeaders.NONE,
                    true);
            assertEquals(r.statusCode() == 513, MalformedAnswer.sizeLimit(m), r.name());
        }
    }
}
