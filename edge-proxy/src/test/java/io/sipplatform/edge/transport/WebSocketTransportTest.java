package io.sipplatform.edge.transport;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sipplatform.sip.message.SipMessageBuilder;
import io.sipplatform.sip.message.SipRequest;
import io.sipplatform.sip.message.SipResponse;
import io.sipplatform.sip.message.SipStatus;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.net.PemTrustOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebSocketTransportTest {
    @TempDir
    static Path dir;
    private static Vertx vertx;
    private static HttpClient http;
    private static TestCertificates.Pair server;

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final Deliveries deliveries = new Deliveries();
    private SipTransports transports;

    @BeforeAll
    static void setUp() throws Exception {
        vertx = Vertx.vertx();
        http = vertx.createHttpClient();
        server = TestCertificates.generate(dir, "wss-server");
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

    private InetSocketAddress start(TransportSettings settings, Transport transport) throws Exception {
        transports = new SipTransports(vertx, settings, meters);
        Await.result(transports.start(deliveries));
        return transports.listener(transport).orElseThrow().bound();
    }

    private InetSocketAddress startWs() throws Exception {
        return start(TransportSettings.of(ListenerSettings.of(Transport.WS, "127.0.0.1", 0)), Transport.WS);
    }

    private static WebSocketConnectOptions to(InetSocketAddress edge, List<String> subprotocols) {
        return new WebSocketConnectOptions()
                .setHost("127.0.0.1")
                .setPort(edge.getPort())
                .setURI("/")
                .setSubProtocols(subprotocols);
    }

    private static StreamPeer connect(HttpClient client, InetSocketAddress edge) throws Exception {
        return Await.result(client.webSocket(to(edge, List.of("sip"))).map(StreamPeer::of));
    }

    @Test
    void acceptsAWebSocketOfferingSipAndEchoesTheSubprotocol() throws Exception {
        InetSocketAddress edge = startWs();
        try (StreamPeer peer = connect(http, edge)) {
            assertEquals("sip", peer.webSocket().subProtocol());
            peer.write(Fixtures.options("ws-text"));

            Deliveries.Delivery d = deliveries.next();
            assertEquals("ws-text", d.callId());
            assertEquals(Transport.WS, d.inbound().transport());
            assertTrue(d.context().isEventLoopContext());
            assertTrue(d.onEventLoopThread());
            assertEquals(edge, d.inbound().local());
        }
    }

    @Test
    void rejectsAHandshakeWithoutTheSipSubprotocol() throws Exception {
        InetSocketAddress edge = startWs();

        Throwable none = Await.failure(http.webSocket(to(edge, List.of())));
        Throwable other = Await.failure(http.webSocket(to(edge, List.of("chat"))));

        assertEquals(400, assertInstanceOf(UpgradeRejectedException.class, none).getStatus());
        assertEquals(400, assertInstanceOf(UpgradeRejectedException.class, other).getStatus());
        assertEquals(0, transports.flows().size());
    }

    @Test
    void takesEachBinaryOrTextMessageAsASipMessage() throws Exception {
        InetSocketAddress edge = startWs();
        try (StreamPeer peer = connect(http, edge)) {
            Await.result(peer.webSocket().writeBinaryMessage(Buffer.buffer(Fixtures.options("ws-binary"))));
            Await.result(peer.webSocket().writeTextMessage(new String(Fixtures.options("ws-text-2"),
                    java.nio.charset.StandardCharsets.UTF_8)));

            assertEquals("ws-binary", deliveries.next().callId());
            assertEquals("ws-text-2", deliveries.next().callId());
        }
    }

    @Test
    void bytesPastTheContentLengthOfAMessageAreDiscardedAndTheConnectionStays() throws Exception {
        InetSocketAddress edge = startWs();
        try (StreamPeer peer = connect(http, edge)) {
            // RFC 7118 §5: one SIP message per WebSocket message; extra bytes are not a next message (§18.3)
            String padded = new String(Fixtures.options("ws-padded"), java.nio.charset.StandardCharsets.UTF_8)
                    + "v=0\r\r\nstray bytes past Content-Length\r\r\n";
            Await.result(peer.webSocket().writeTextMessage(padded));
            Await.result(peer.webSocket().writeTextMessage(new String(Fixtures.options("ws-after"),
                    java.nio.charset.StandardCharsets.UTF_8)));

            assertEquals("ws-padded", deliveries.next().callId());
            assertEquals("ws-after", deliveries.next().callId(), "the connection kept working");
            assertEquals(1, transports.flows().size());
        }
    }

    @Test
    void answersOverTheWebSocketNamedByItsFlowIdAsATextMessage() throws Exception {
        InetSocketAddress edge = startWs();
        LinkedBlockingQueue<String> texts = new LinkedBlockingQueue<>();
        StreamPeer peer = Await.result(http.webSocket(to(edge, List.of("sip"))).map(ws -> {
            ws.textMessageHandler(texts::add);
            return ws;
        }).map(StreamPeer::of));
        try (peer) {
            peer.write(Fixtures.options("ws-answer"));
            Inbound in = deliveries.next().inbound();
            byte[] ok = SipMessageBuilder.responseTo((SipRequest) in.message(), SipStatus.of(200)).toBytes();

            transports.send(new Destination(Transport.WS, in.remote(), in.flowId()), ok, null);

            String text = texts.poll(10, TimeUnit.SECONDS);
            assertNotNull(text, "no text message within 10 s");
            assertTrue(text.startsWith("SIP/2.0 200 OK\r\n"), text);
            assertTrue(text.contains("ws-answer"));
        }
    }

    @Test
    void failsToSendToAWebSocketPeerWithoutAnOpenFlow() throws Exception {
        InetSocketAddress edge = startWs();
        CompletableFuture<Flow> closed = new CompletableFuture<>();
        transports.flows().onClose(closed::complete);
        Inbound in;
        try (StreamPeer peer = connect(http, edge)) {
            peer.write(Fixtures.options("ws-gone"));
            in = deliveries.next().inbound();
        }
        Await.result(closed);
        Context caller = vertx.getOrCreateContext();
        CompletableFuture<Throwable> failure = new CompletableFuture<>();
        CompletableFuture<Context> reportedOn = new CompletableFuture<>();

        caller.runOnContext(v -> transports.send(new Destination(Transport.WS, in.remote(), in.flowId()),
                Fixtures.options("nowhere"), t -> {
                    reportedOn.complete(Vertx.currentContext());
                    failure.complete(t);
                }));

        FlowFailedException e = assertInstanceOf(FlowFailedException.class, Await.result(failure));
        assertTrue(e.getMessage().contains(in.flowId()), e.getMessage());
        assertSame(caller, Await.result(reportedOn));
    }

    @Test
    void answersAPlainHttpRequestWithUpgradeRequired() throws Exception {
        InetSocketAddress edge = startWs();
        int status = Await.result(http.request(HttpMethod.GET, edge.getPort(), "127.0.0.1", "/")
                .compose(r -> r.send()).map(r -> r.statusCode()));
        assertEquals(426, status);
    }

    @Test
    void refusesAConnectionOverThePerIpCap() throws Exception {
        InetSocketAddress edge = start(TransportSettings.of(ListenerSettings.of(Transport.WS, "127.0.0.1", 0))
                .withConnectionCaps(1, 100), Transport.WS);
        HttpClient second = vertx.createHttpClient();
        try (StreamPeer peer = connect(http, edge)) {
            peer.write(Fixtures.options("ws-cap-1"));
            deliveries.next();

            Await.failure(second.webSocket(to(edge, List.of("sip"))));
            assertEquals(1.0, meters.get("sip.transport.connections.refused")
                    .tags("transport", "ws", "cap", "per_ip").counter().count());
        } finally {
            Await.result(second.close());
        }
    }

    @Test
    void carriesSipOverSecureWebSocket() throws Exception {
        InetSocketAddress edge = start(TransportSettings.of(ListenerSettings.secure(Transport.WSS, "127.0.0.1", 0,
                TlsSettings.of(server.certificate(), server.privateKey()))), Transport.WSS);
        HttpClient secure = vertx.createHttpClient(new HttpClientOptions()
                .setSsl(true)
                .setVerifyHost(false)
                .setTrustOptions(new PemTrustOptions().addCertPath(server.certificate().toString())));
        try (StreamPeer peer = connect(secure, edge)) {
            assertEquals("sip", peer.webSocket().subProtocol());
            assertTrue(peer.webSocket().isSsl());
            peer.write(Fixtures.options("wss-in"));
            Inbound in = deliveries.next().inbound();
            assertEquals(Transport.WSS, in.transport());

            byte[] ok = SipMessageBuilder.responseTo((SipRequest) in.message(), SipStatus.of(200)).toBytes();
            transports.send(new Destination(Transport.WSS, in.remote(), in.flowId()), ok, null);
            SipResponse response = assertInstanceOf(SipResponse.class, peer.nextMessage());
            assertEquals("wss-in", response.callId());
        } finally {
            Await.result(secure.close());
        }
    }

    @Test
    void recognisesTheSipSubprotocolInAListOfOffers() {
        assertTrue(WebSocketListener.offersSip(List.of("chat, sip")));
        assertTrue(WebSocketListener.offersSip(List.of("chat", "SIP")));
        assertEquals(false, WebSocketListener.offersSip(List.of("sips, sip2")));
        assertEquals(false, WebSocketListener.offersSip(List.of()));
    }
}
