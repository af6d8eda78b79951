package io.sipplatform.edge.transport;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sipplatform.sip.message.SipMessageBuilder;
import io.sipplatform.sip.message.SipRequest;
import io.sipplatform.sip.message.SipResponse;
import io.sipplatform.sip.message.SipStatus;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TlsTransportTest {
    @TempDir
    static Path dir;
    private static Vertx vertx;
    private static TestCertificates.Pair serverA;
    private static TestCertificates.Pair serverB;
    private static TestCertificates.Pair clientCert;
    private static TestCertificates.Pair stranger;

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final Deliveries deliveries = new Deliveries();
    private SipTransports transports;
    private Path liveCert;
    private Path liveKey;

    @BeforeAll
    static void setUp() throws Exception {
        vertx = Vertx.vertx();
        serverA = TestCertificates.generate(dir, "server-a");
        serverB = TestCertificates.generate(dir, "server-b");
        clientCert = TestCertificates.generate(dir, "trunk-client");
        stranger = TestCertificates.generate(dir, "stranger");
    }

    @AfterAll
    static void closeVertx() throws Exception {
        Await.result(vertx.close());
    }

    @BeforeEach
    void installServerA(org.junit.jupiter.api.TestInfo info) throws Exception {
        Path own = Files.createDirectories(dir.resolve(info.getTestMethod().orElseThrow().getName()));
        liveCert = own.resolve("tls.crt");
        liveKey = own.resolve("tls.key");
        TestCertificates.install(serverA, liveCert, liveKey);
    }

    @AfterEach
    void stop() throws Exception {
        if (transports != null) {
            Await.result(transports.stop());
        }
    }

    private TlsSettings serverTls() {
        return TlsSettings.of(liveCert, liveKey);
    }

    private InetSocketAddress start(TransportSettings settings) throws Exception {
        transports = new SipTransports(vertx, settings, meters);
        Await.result(transports.start(deliveries));
        return transports.listener(Transport.TLS).orElseThrow().bound();
    }

    private static NetClient client(TestCertificates.Pair ownCertificate) {
        NetClientOptions options = new NetClientOptions()
                .setSsl(true)
                .setHostnameVerificationAlgorithm("")
                .setTrustOptions(new PemTrustOptions()
                        .addCertPath(serverA.certificate().toString())
                        .addCertPath(serverB.certificate().toString()));
        if (ownCertificate != null) {
            options.setKeyCertOptions(new PemKeyCertOptions()
                    .setCertPath(ownCertificate.certificate().toString())
                    .setKeyPath(ownCertificate.privateKey().toString()));
        }
        return vertx.createNetClient(options);
    }

    private static Future<StreamPeer> connect(NetClient client, InetSocketAddress edge) {
        return client.connect(edge.getPort(), "127.0.0.1").map(StreamPeer::of);
    }

    private static Certificate served(StreamPeer peer) throws Exception {
        return peer.socket().peerCertificates().get(0);
    }

    @Test
    void deliversOverTlsAndAnswersOverTheSameFlow() throws Exception {
        InetSocketAddress edge = start(TransportSettings.of(ListenerSettings.secure(Transport.TLS, "127.0.0.1", 0,
                serverTls())));
        try (StreamPeer peer = Await.result(connect(client(null), edge))) {
            assertEquals(serverA.x509(), served(peer));
            peer.write(Fixtures.options("tls-in"));
            Inbound in = deliveries.next().inbound();
            assertEquals(Transport.TLS, in.transport());
            assertTrue(transports.flows().get(in.flowId()).peerCertificates().isEmpty());

            byte[] ok = SipMessageBuilder.responseTo((SipRequest) in.message(), SipStatus.of(200)).toBytes();
            transports.send(new Destination(Transport.TLS, in.remote(), in.flowId()), ok, null);

            SipResponse response = assertInstanceOf(SipResponse.class, peer.nextMessage());
            assertEquals("tls-in", response.callId());
        }
    }

    @Test
    void servesAChangedCertificateToNewConnectionsWhileOpenOnesKeepWorking() throws Exception {
        InetSocketAddress edge = start(TransportSettings.of(ListenerSettings.secure(Transport.TLS, "127.0.0.1", 0,
                serverTls())).withCertificateCheckInterval(Duration.ofMillis(100)));
        CompletableFuture<BoundListener> reloaded = new CompletableFuture<>();
        transports.onCertificateReload(reloaded::complete);
        NetClient client = client(null);
        try (StreamPeer old = Await.result(connect(client, edge))) {
            assertEquals(serverA.x509(), served(old));
            old.write(Fixtures.options("before-reload"));
            String oldFlow = deliveries.next().inbound().flowId();

            TestCertificates.install(serverB, liveCert, liveKey);
            assertEquals(Transport.TLS, Await.result(reloaded).transport());

            try (StreamPeer fresh = Await.result(connect(client, edge))) {
                assertEquals(serverB.x509(), served(fresh));
            }
            old.write(Fixtures.options("old-connection-after-reload"));
            Inbound in = deliveries.next().inbound();
            assertEquals("old-connection-after-reload", in.message().callId());
            assertEquals(oldFlow, in.flowId());
            transports.send(new Destination(Transport.TLS, in.remote(), oldFlow), Fixtures.options("still-there"),
                    null);
            assertEquals("still-there", old.nextMessage().callId());
            assertEquals(1.0, meters.get("sip.transport.tls.reloads").tags("result", "applied").counter().count());
        }
    }

    @Test
    void keepsTheCurrentCertificateWhenTheNewKeyDoesNotMatch() throws Exception {
        InetSocketAddress edge = start(TransportSettings.of(ListenerSettings.secure(Transport.TLS, "127.0.0.1", 0,
                serverTls())).withCertificateCheckInterval(Duration.ofHours(1)));
        NetClient client = client(null);
        Files.copy(serverB.certificate(), liveCert, java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        Await.failure(transports.reloadCertificates());
        try (StreamPeer peer = Await.result(connect(client, edge))) {
            assertEquals(serverA.x509(), served(peer));
        }
        assertEquals(1.0, meters.get("sip.transport.tls.reloads").tags("result", "failed").counter().count());

        Files.copy(serverB.privateKey(), liveKey, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertTrue(Await.result(transports.reloadCertificates()));
        try (StreamPeer peer = Await.result(connect(client, edge))) {
            assertEquals(serverB.x509(), served(peer));
        }
        assertFalse(Await.result(transports.reloadCertificates()), "unchanged files are not applied again");
    }

    @Test
    void mutualTlsRejectsAClientWithoutACertificate() throws Exception {
        TlsSettings mutual = serverTls().withClientAuth(TlsSettings.ClientAuth.REQUIRED, clientCert.certificate());
        InetSocketAddress edge = start(TransportSettings.of(ListenerSettings.secure(Transport.TLS, "127.0.0.1", 0,
                mutual)));
        CompletableFuture<Boolean> refused = new CompletableFuture<>();
        connect(client(null), edge).onComplete(ar -> {
            if (ar.failed()) {
                refused.complete(true); // TLS 1.2: the handshake itself fails
            } else {
                // TLS 1.3: the client finishes first, then the server's alert closes the connection
                ar.result().socket().write(io.vertx.core.buffer.Buffer.buffer(Fixtures.options("no-cert")));
                ar.result().closed().thenRun(() -> refused.complete(true));
            }
        });

        assertTrue(Await.result(refused));
        assertEquals(0, transports.flows().size());
        deliveries.assertEmpty();
    }

    @Test
    void mutualTlsExposesTheClientCertificateOnTheFlow() throws Exception {
        TlsSettings mutual = serverTls().withClientAuth(TlsSettings.ClientAuth.REQUIRED, clientCert.certificate());
        InetSocketAddress edge = start(TransportSettings.of(ListenerSettings.secure(Transport.TLS, "127.0.0.1", 0,
                mutual)));
        try (StreamPeer peer = Await.result(connect(client(clientCert), edge))) {
            peer.write(Fixtures.options("with-cert"));
            Inbound in = deliveries.next().inbound();

            Flow flow = transports.flows().get(in.flowId());
            assertEquals(clientCert.x509(), flow.peerCertificates().get(0));
        }
    }

    @Test
    void opensAnOutboundTlsConnectionToAPeerTheConfiguredCaVouchesFor() throws Exception {
        InetSocketAddress edge = start(TransportSettings.of(ListenerSettings.secure(Transport.TLS, "127.0.0.1", 0,
                serverTls())).withOutboundTls(OutboundTlsSettings.trusting(serverA.certificate())));
        CompletableFuture<Throwable> failure = new CompletableFuture<>();

        // the edge connects to its own listener: host name verification against the IP SAN included
        transports.send(Destination.of(Transport.TLS, edge), Fixtures.options("tls-out"), failure::complete);

        Inbound in = deliveries.next().inbound();
        assertEquals("tls-out", in.message().callId());
        assertEquals(Transport.TLS, in.transport());
        assertTrue(transports.flows().find(Transport.TLS, edge) != null);
        assertFalse(failure.isDone());
    }

    @Test
    void failsAnOutboundTlsConnectionToAnUntrustedPeer() throws Exception {
        InetSocketAddress edge = start(TransportSettings.of(ListenerSettings.secure(Transport.TLS, "127.0.0.1", 0,
                serverTls())).withOutboundTls(OutboundTlsSettings.trusting(stranger.certificate())));
        CompletableFuture<Throwable> failure = new CompletableFuture<>();

        transports.send(Destination.of(Transport.TLS, edge), Fixtures.options("tls-untrusted"), failure::complete);

        Throwable t = Await.result(failure);
        assertTrue(t instanceof SSLException || t.getCause() instanceof SSLException, t.toString());
        deliveries.assertEmpty();
    }

    @Test
    void refusesToStartWhenTheKeyDoesNotMatchTheCertificate() throws Exception {
        Files.copy(serverB.privateKey(), liveKey, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        transports = new SipTransports(vertx, TransportSettings.of(ListenerSettings.secure(Transport.TLS,
                "127.0.0.1", 0, serverTls())), meters);

        Throwable t = Await.failure(transports.start(deliveries));
        assertTrue(t.getMessage().contains("does not match"), t.toString());
    }
}
