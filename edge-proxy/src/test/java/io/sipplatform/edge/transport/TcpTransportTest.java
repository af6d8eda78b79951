package io.sipplatform.edge.transport;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sipplatform.sip.message.FrameLimits;
import io.sipplatform.sip.message.Framed;
import io.sipplatform.sip.message.SipMessage;
import io.sipplatform.sip.message.SipMessageBuilder;
import io.sipplatform.sip.message.SipRequest;
import io.sipplatform.sip.message.SipResponse;
import io.sipplatform.sip.message.SipStatus;
import io.sipplatform.sip.message.StreamFramer;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class TcpTransportTest {
    private static Vertx vertx;
    private static NetClient client;

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final Deliveries deliveries = new Deliveries();
    private SipTransports transports;

    @BeforeAll
    static void startVertx() {
        vertx = Vertx.vertx();
        client = vertx.createNetClient();
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
        return transports.listener(Transport.TCP).orElseThrow().bound();
    }

    private InetSocketAddress startOnLoopback() throws Exception {
        return start(TransportSettings.of(ListenerSettings.of(Transport.TCP, "127.0.0.1", 0)));
    }

    private static StreamPeer connect(InetSocketAddress edge) throws Exception {
        // handlers are installed in the connect callback, before the edge can close the socket
        return Await.result(client.connect(edge.getPort(), edge.getAddress().getHostAddress()).map(StreamPeer::of));
    }

    private double counter(String name, String... tags) {
        return meters.get(name).tags(tags).counter().count();
    }

    @Test
    void framesAMessageSplitAcrossWrites() throws Exception {
        InetSocketAddress edge = startOnLoopback();
        byte[] message = Fixtures.options("tcp-split");
        try (StreamPeer peer = connect(edge)) {
            peer.write(Arrays.copyOfRange(message, 0, 7));
            peer.write(Arrays.copyOfRange(message, 7, 100));
            peer.write(Arrays.copyOfRange(message, 100, message.length));

            Inbound in = deliveries.next().inbound();
            assertEquals("tcp-split", in.message().callId());
            assertEquals(Transport.TCP, in.transport());
            assertNotNull(in.flowId());
            assertEquals(peer.socket().localAddress().port(), in.remote().getPort());
            assertEquals(edge, in.local());
        }
    }

    @Test
    void framesSeveralMessagesSentInOneWrite() throws Exception {
        InetSocketAddress edge = startOnLoopback();
        byte[] a = Fixtures.options("tcp-a");
        byte[] b = Fixtures.options("tcp-b");
        byte[] c = Fixtures.options("tcp-c");
        byte[] all = new byte[a.length + b.length + c.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        System.arraycopy(c, 0, all, a.length + b.length, c.length);
        try (StreamPeer peer = connect(edge)) {
            peer.write(all);

            Deliveries.Delivery first = deliveries.next();
            Deliveries.Delivery second = deliveries.next();
            Deliveries.Delivery third = deliveries.next();
            assertEquals(List.of("tcp-a", "tcp-b", "tcp-c"), List.of(first.callId(), second.callId(),
                    third.callId()));
            assertEquals(first.inbound().flowId(), third.inbound().flowId());
            assertTrue(first.context().isEventLoopContext());
            assertTrue(first.onEventLoopThread());
            assertSame(first.context(), third.context(), "a connection is read on one event loop");
            assertEquals(3.0, counter("sip.transport.messages.received", "transport", "tcp"));
        }
    }

    @Test
    void sendsTheResponseOverTheInboundConnectionNamedByItsFlowId() throws Exception {
        InetSocketAddress edge = startOnLoopback();
        try (StreamPeer peer = connect(edge)) {
            peer.write(Fixtures.options("tcp-flow"));
            Inbound in = deliveries.next().inbound();
            byte[] ok = SipMessageBuilder.responseTo((SipRequest) in.message(), SipStatus.of(200)).toBytes();
            // the address is not where the peer listens: only the flow id can reach it
            Destination viaFlow = new Destination(Transport.TCP, new InetSocketAddress("127.0.0.1", 9), in.flowId());

            transports.send(viaFlow, ok, t -> { });

            SipResponse response = assertInstanceOf(SipResponse.class, peer.nextMessage());
            assertEquals(200, response.statusCode());
            assertEquals("tcp-flow", response.callId());
            Flow flow = transports.flows().get(in.flowId());
            assertNotNull(flow);
            assertTrue(flow.inbound());
            assertEquals(in.remote(), flow.remote());
            assertEquals(1, transports.flows().size());
        }
    }

    @Test
    void reusesAnOpenConnectionToTheSameAddressWithoutAFlowId() throws Exception {
        InetSocketAddress edge = startOnLoopback();
        try (StreamPeer peer = connect(edge)) {
            peer.write(Fixtures.options("tcp-reuse"));
            Inbound in = deliveries.next().inbound();

            transports.send(Destination.of(Transport.TCP, in.remote()), Fixtures.options("tcp-reuse-back"), null);

            assertEquals("tcp-reuse-back", peer.nextMessage().callId());
            assertEquals(1, transports.flows().size(), "no second connection was opened");
        }
    }

    @Test
    void opensOneOutboundConnectionAndReusesItForLaterSends() throws Exception {
        startOnLoopback();
        AtomicInteger accepted = new AtomicInteger();
        LinkedBlockingQueue<SipMessage> received = new LinkedBlockingQueue<>();
        NetServer peer = vertx.createNetServer().connectHandler(socket -> {
            accepted.incrementAndGet();
            StreamFramer framer = new StreamFramer();
            socket.handler(b -> framer.feed(b.getBytes(), f -> {
                if (f instanceof Framed.Message m) {
                    received.add(m.message());
                }
            }));
        });
        int port = Await.result(peer.listen(0, "127.0.0.1")).actualPort();
        try {
            Destination to = Destination.of(Transport.TCP, new InetSocketAddress("127.0.0.1", port));
            transports.send(to, Fixtures.options("out-1"), t -> { });
            transports.send(to, Fixtures.options("out-2"), t -> { }); // while the first connect is pending
            Set<String> first = new HashSet<>();
            first.add(received.poll(10, TimeUnit.SECONDS).callId());
            first.add(received.poll(10, TimeUnit.SECONDS).callId());
            transports.send(to, Fixtures.options("out-3"), t -> { });
            SipMessage third = received.poll(10, TimeUnit.SECONDS);

            assertEquals(Set.of("out-1", "out-2"), first);
            assertNotNull(third);
            assertEquals("out-3", third.callId());
            assertEquals(1, accepted.get(), "one pooled connection");
            Flow flow = transports.flows().find(Transport.TCP, to.address());
            assertNotNull(flow);
            assertFalse(flow.inbound());
            assertEquals(1.0, meters.get("sip.transport.connections.open").tags("transport", "tcp").gauge().value());
        } finally {
            Await.result(peer.close());
        }
    }

    @Test
    void deliversWhatArrivesOnAnOutboundConnection() throws Exception {
        startOnLoopback();
        NetServer peer = vertx.createNetServer().connectHandler(socket -> socket.handler(b ->
                socket.write(io.vertx.core.buffer.Buffer.buffer(Fixtures.options("reply-on-outbound")))));
        int port = Await.result(peer.listen(0, "127.0.0.1")).actualPort();
        try {
            transports.send(Destination.of(Transport.TCP, new InetSocketAddress("127.0.0.1", port)),
                    Fixtures.options("out"), null);
            Inbound in = deliveries.next().inbound();
            assertEquals("reply-on-outbound", in.message().callId());
            assertEquals(port, in.remote().getPort());
            assertFalse(transports.flows().get(in.flowId()).inbound());
        } finally {
            Await.result(peer.close());
        }
    }

    @Test
    void reportsConnectionRefusedOnceOnTheCallersContext() throws Exception {
        startOnLoopback();
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            closedPort = s.getLocalPort();
        }
        Context caller = vertx.getOrCreateContext();
        CompletableFuture<Throwable> failure = new CompletableFuture<>();
        CompletableFuture<Context> reportedOn = new CompletableFuture<>();
        AtomicInteger reports = new AtomicInteger();
        caller.runOnContext(v -> transports.send(Destination.of(Transport.TCP,
                new InetSocketAddress("127.0.0.1", closedPort)), Fixtures.options("nowhere"), t -> {
                    reports.incrementAndGet();
                    reportedOn.complete(Vertx.currentContext());
                    failure.complete(t);
                }));

        Throwable t = Await.result(failure);
        assertInstanceOf(ConnectException.class, t);
        assertSame(caller, Await.result(reportedOn));
        // a later send proves no second report is queued behind the first
        CompletableFuture<Void> later = new CompletableFuture<>();
        caller.runOnContext(v -> later.complete(null));
        Await.result(later);
        assertEquals(1, reports.get());
        assertEquals(1.0, counter("sip.transport.send.failures", "transport", "tcp"));
    }

    @Test
    void answersAnOversizeMessageWith513AndClosesTheConnection() throws Exception {
        InetSocketAddress edge = start(TransportSettings.of(ListenerSettings.of(Transport.TCP, "127.0.0.1", 0))
                .withFrameLimits(new FrameLimits(1024, 256, 512, 65_536)));
        try (StreamPeer peer = connect(edge)) {
            peer.write(Fixtures.bytes("oversize-content-length.sip"));

            SipResponse answer = assertInstanceOf(SipResponse.class, peer.nextMessage());
            assertEquals(513, answer.statusCode());
            assertEquals("transport-oversize-1@127.0.0.1", answer.callId());
            peer.awaitClosed();
            assertEquals(1.0, counter("sip.transport.parse.errors", "transport", "tcp", "reason",
                    "message_too_large"));
        }
    }

    @Test
    void answersANonFatalMalformedRequestWith400AndKeepsTheConnection() throws Exception {
        InetSocketAddress edge = startOnLoopback();
        try (StreamPeer peer = connect(edge)) {
            peer.write(Fixtures.bytes("malformed-bad-header-line.sip"));
            SipResponse answer = assertInstanceOf(SipResponse.class, peer.nextMessage());
            assertEquals(400, answer.statusCode());
            assertEquals("Bad Header", answer.reasonPhrase());

            peer.write(Fixtures.options("tcp-after-400"));
            assertEquals("tcp-after-400", deliveries.next().callId());
            assertFalse(peer.isClosed());
        }
    }

    @Test
    void closesTheConnectionOnUnreadableJunkWithoutAnswering() throws Exception {
        InetSocketAddress edge = startOnLoopback();
        try (StreamPeer peer = connect(edge)) {
            peer.write(Fixtures.bytes("junk-not-sip.sip"));

            peer.awaitClosed();
            assertEquals(1.0, counter("sip.transport.drops", "transport", "tcp", "reason", "bad_start_line"));
            deliveries.assertEmpty();
        }
    }

    @Test
    void answersACrlfCrlfPingWithACrlfPong() throws Exception {
        InetSocketAddress edge = startOnLoopback();
        try (StreamPeer peer = connect(edge)) {
            peer.write(new byte[]{'\r', '\n', '\r', '\n'});

            assertEquals(Framed.KeepAlive.PONG, peer.nextFrame());
            assertEquals(1.0, counter("sip.transport.keepalives", "transport", "tcp", "kind", "ping"));
            peer.write(Fixtures.options("tcp-after-ping"));
            assertEquals("tcp-after-ping", deliveries.next().callId());
        }
    }

    @Test
    void closesAConnectionOverThePerIpCapAtOnce() throws Exception {
        InetSocketAddress edge = start(TransportSettings.of(ListenerSettings.of(Transport.TCP, "127.0.0.1", 0))
                .withConnectionCaps(2, 100));
        try (StreamPeer one = connect(edge); StreamPeer two = connect(edge)) {
            one.write(Fixtures.options("cap-1"));
            two.write(Fixtures.options("cap-2"));
            deliveries.next();
            deliveries.next();

            try (StreamPeer three = connect(edge)) {
                three.awaitClosed();
            }
            assertEquals(1.0, counter("sip.transport.connections.refused", "transport", "tcp", "cap", "per_ip"));
            one.write(Fixtures.options("cap-1-still-open"));
            assertEquals("cap-1-still-open", deliveries.next().callId());
            assertEquals(2, transports.flows().size());
        }
    }

    @Test
    void closesAConnectionOverTheTotalCapAtOnce() throws Exception {
        InetSocketAddress edge = start(TransportSettings.of(ListenerSettings.of(Transport.TCP, "127.0.0.1", 0))
                .withConnectionCaps(100, 1));
        try (StreamPeer one = connect(edge)) {
            one.write(Fixtures.options("total-1"));
            deliveries.next();

            try (StreamPeer two = connect(edge)) {
                two.awaitClosed();
            }
            assertEquals(1.0, counter("sip.transport.connections.refused", "transport", "tcp", "cap", "total"));
            assertEquals(0.0, counter("sip.transport.connections.refused", "transport", "tcp", "cap", "per_ip"));
        }
    }

    @Test
    void admitsANewConnectionOnceAnotherFromTheSameIpClosed() throws Exception {
        InetSocketAddress edge = start(TransportSettings.of(ListenerSettings.of(Transport.TCP, "127.0.0.1", 0))
                .withConnectionCaps(1, 100));
        CompletableFuture<Flow> closed = new CompletableFuture<>();
        transports.flows().onClose(closed::complete);
        try (StreamPeer one = connect(edge)) {
            one.write(Fixtures.options("first"));
            deliveries.next();
        }
        Await.result(closed);
        try (StreamPeer two = connect(edge)) {
            two.write(Fixtures.options("second"));
            assertEquals("second", deliveries.next().callId());
        }
    }

    @Test
    void closesAnIdleConnectionAndTellsTheCloseListeners() throws Exception {
        InetSocketAddress edge = start(TransportSettings.of(ListenerSettings.of(Transport.TCP, "127.0.0.1", 0))
                .withIdleTimeouts(Duration.ofMillis(300), Duration.ofMinutes(15)));
        CompletableFuture<Flow> closed = new CompletableFuture<>();
        transports.flows().onClose(closed::complete);
        try (StreamPeer peer = connect(edge)) {
            peer.write(Fixtures.options("soon-idle"));
            String flowId = deliveries.next().inbound().flowId();

            peer.awaitClosed();
            Flow flow = Await.result(closed);
            assertEquals(flowId, flow.id());
            assertFalse(flow.isOpen());
            assertNull(transports.flows().get(flowId));
            assertEquals(0.0, meters.get("sip.transport.connections.open").tags("transport", "tcp").gauge().value());
        }
    }

    @Test
    void spreadsConnectionsOverServerInstancesSharingOnePort() throws Exception {
        InetSocketAddress edge = start(TransportSettings.of(ListenerSettings.of(Transport.TCP, "127.0.0.1", 0))
                .withServerInstances(2));
        Set<Context> contexts = new HashSet<>();
        Set<String> flowIds = new HashSet<>();
        for (int i = 0; i < 4; i++) {
            try (StreamPeer peer = connect(edge)) {
                peer.write(Fixtures.options("spread-" + i));
                Deliveries.Delivery d = deliveries.next();
                contexts.add(d.context());
                flowIds.add(d.inbound().flowId());
            }
        }
        assertEquals(2, contexts.size(), "connections alternate between the two event loops");
        assertEquals(4, flowIds.size(), "every connection gets its own flow id");
    }

    @Test
    void worksOverIpv6Loopback() throws Exception {
        assumeTrue(UdpTransportTest.ipv6Loopback(), "no IPv6 loopback on this host");
        InetSocketAddress edge = start(TransportSettings.of(ListenerSettings.of(Transport.TCP, "::1", 0)));
        try (StreamPeer peer = connect(edge)) {
            peer.write(Fixtures.options("tcp-v6"));
            Inbound in = deliveries.next().inbound();
            assertEquals(java.net.InetAddress.getByName("::1"), in.remote().getAddress());
            transports.send(new Destination(Transport.TCP, in.remote(), in.flowId()), Fixtures.options("tcp-v6-back"),
                    null);
            assertEquals("tcp-v6-back", peer.nextMessage().callId());
        }
    }

    @Test
    void stoppingClosesOpenConnections() throws Exception {
        InetSocketAddress edge = startOnLoopback();
        CompletableFuture<Flow> closed = new CompletableFuture<>();
        transports.flows().onClose(closed::complete);
        StreamPeer peer = connect(edge);
        peer.write(Fixtures.options("before-stop"));
        String flowId = deliveries.next().inbound().flowId();

        Await.result(transports.stop());

        peer.awaitClosed();
        assertEquals(flowId, Await.result(closed).id());
        assertEquals(0, transports.flows().size());
        transports = null;
    }

    @Test
    void failsASendBeforeStart() throws Exception {
        transports = new SipTransports(vertx, TransportSettings.of(ListenerSettings.of(Transport.TCP, "127.0.0.1",
                0)), meters);
        CompletableFuture<Throwable> failure = new CompletableFuture<>();
        transports.send(Destination.of(Transport.TCP, new InetSocketAddress("127.0.0.1", 5060)), new byte[1],
                failure::complete);
        assertInstanceOf(IllegalStateException.class, Await.result(failure));
        transports = null;
    }

    @Test
    void flowIdsAreShortAndUnique() throws Exception {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String id = FlowIds.next();
            assertTrue(id.matches("[0-9a-z]{6,12}"), id);
            ids.add(id);
        }
        assertEquals(1000, ids.size());
        assertNotEquals(FlowIds.next(), FlowIds.next());
    }
}
