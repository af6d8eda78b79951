package io.sipplatform.edge.transport;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.ServerWebSocketHandshake;
import io.vertx.core.net.SocketAddress;

import javax.net.ssl.SSLPeerUnverifiedException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.security.cert.Certificate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A WS or WSS listener (RFC 7118): HTTP servers that accept only WebSocket upgrades offering the {@code sip}
 * subprotocol, echo it, and treat the payloads of the connection's messages (text or binary) as a SIP stream.
 * Connection caps apply to the HTTP connection, before any upgrade.
 */
final class WebSocketListener implements Listener {
    private static final System.Logger LOG = System.getLogger(WebSocketListener.class.getName());
    static final String SUBPROTOCOL = "sip";
    /** Room over the message limit so that the framer, not the WebSocket codec, sees an oversize message (513). */
    private static final int FRAME_SLACK = 4096;

    private final Wiring wiring;
    private final ListenerSettings settings;
    private final List<HttpServer> servers = new CopyOnWriteArrayList<>();
    private volatile String deploymentId;
    private volatile CertificateWatch watch;

    WebSocketListener(Wiring wiring, ListenerSettings settings) {
        this.wiring = wiring;
        this.settings = settings;
    }

    @Override
    public Future<BoundListener> start() {
        Future<PemFiles> files = settings.tls() == null
                ? Future.succeededFuture()
                : CertificateWatch.load(wiring.vertx(), settings.tls());
        return files.compose(pem -> {
            HttpServerOptions options = options(pem);
            int n = wiring.settings().serverInstances();
            SocketAddress at = Listener.bindAddress(settings, n);
            return wiring.vertx()
                    .deployVerticle(() -> new OnContext(() -> listen(options, at)), Listener.instances(n))
                    .map(id -> started(id, pem));
        });
    }

    private HttpServerOptions options(PemFiles pem) {
        int maxMessage = wiring.settings().frameLimits().maxMessageBytes() + FRAME_SLACK;
        HttpServerOptions options = new HttpServerOptions()
                .setWebSocketSubProtocols(List.of(SUBPROTOCOL))
                .setMaxWebSocketFrameSize(maxMessage)
                .setMaxWebSocketMessageSize(maxMessage)
                .setPerMessageWebSocketCompressionSupported(false)
                .setPerFrameWebSocketCompressionSupported(false)
                .setIdleTimeout((int) wiring.settings().idleTimeout().toMillis())
                .setIdleTimeoutUnit(TimeUnit.MILLISECONDS)
                .setTcpNoDelay(true);
        if (pem != null) {
            options.setSsl(true)
                    .setKeyCertOptions(pem.keyCert())
                    .setClientAuth(Listener.clientAuth(settings.tls()));
            if (pem.trust() != null) {
                options.setTrustOptions(pem.trust());
            }
        }
        return options;
    }

    private Future<HttpServer> listen(HttpServerOptions options, SocketAddress at) {
        HttpServer server = wiring.vertx().createHttpServer(options);
        server.connectionHandler(this::admit);
        server.webSocketHandshakeHandler(this::handshake);
        server.webSocketHandler(this::accept);
        server.requestHandler(WebSocketListener::upgradeRequired);
        servers.add(server);
        return server.listen(at);
    }

    private BoundListener started(String id, PemFiles pem) {
        deploymentId = id;
        HttpServer first = servers.get(0);
        InetSocketAddress bound = Addresses.bound(settings.listenHost(), first.actualPort());
        BoundListener listener = new BoundListener(settings, bound, Listener.advertised(settings, bound.getPort()));
        if (pem != null) {
            watch = new CertificateWatch(wiring, settings.tls(), pem, o -> first.updateSSLOptions(o, true));
            watch.start(listener);
        }
        return listener;
    }

    private void admit(HttpConnection connection) {
        InetSocketAddress remote = Addresses.inet(connection.remoteAddress());
        Admission.Refusal refusal = wiring.admission().tryAdmit(remote.getAddress());
        if (refusal != null) {
            wiring.metrics().refused(settings.transport(), refusal);
            connection.close();
            return;
        }
        connection.closeHandler(v -> wiring.admission().release(remote.getAddress()));
    }

    /** RFC 7118 §4.1: the client must offer the "sip" subprotocol; others are refused before the upgrade. */
    private void handshake(ServerWebSocketHandshake handshake) {
        if (offersSip(handshake.headers().getAll("Sec-WebSocket-Protocol"))) {
            handshake.accept();
        } else {
            handshake.reject(400);
        }
    }

    static boolean offersSip(List<String> headerValues) {
        for (String value : headerValues) {
            for (String token : value.split(",")) {
                if (token.trim().toLowerCase(Locale.ROOT).equals(SUBPROTOCOL)) {
                    return true;
                }
            }
        }
        return false;
    }

    private void accept(ServerWebSocket ws) {
        Transport transport = settings.transport();
        Flow flow = new Flow(FlowIds.next(), transport, Addresses.inet(ws.remoteAddress()),
                Addresses.inet(ws.localAddress()), true, peerCertificates(ws), Wire.of(ws));
        StreamInput input = new StreamInput(flow, wiring);
        // text and binary messages alike: each whole message (frames joined) is one SIP message (RFC 7118 §5)
        ws.binaryMessageHandler(input::onMessage);
        ws.textMessageHandler(text -> input.onMessage(Buffer.buffer(text)));
        ws.exceptionHandler(t -> LOG.log(Level.DEBUG, () -> flow + ": " + t));
        ws.closeHandler(v -> wiring.flows().closed(flow));
        wiring.flows().register(flow);
    }

    private static List<Certificate> peerCertificates(ServerWebSocket ws) {
        if (!ws.isSsl()) {
            return List.of();
        }
        try {
            List<Certificate> chain = ws.peerCertificates();
            return chain == null ? List.of() : chain;
        } catch (SSLPeerUnverifiedException e) {
            return List.of();
        }
    }

    private static void upgradeRequired(HttpServerRequest request) {
        request.response().setStatusCode(426).putHeader("Upgrade", "websocket").end();
    }

    @Override
    public Future<Void> stop() {
        if (watch != null) {
            watch.stop();
        }
        String id = deploymentId;
        return id == null ? Future.succeededFuture() : wiring.vertx().undeploy(id);
    }

    @Override
    public Future<Boolean> reloadCertificate() {
        CertificateWatch w = watch;
        return w == null ? Future.succeededFuture(false) : w.check();
    }
}
