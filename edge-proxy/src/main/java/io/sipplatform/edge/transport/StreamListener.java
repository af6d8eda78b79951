package io.sipplatform.edge.transport;

import io.vertx.core.Future;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import io.vertx.core.net.SocketAddress;

import javax.net.ssl.SSLPeerUnverifiedException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.security.cert.Certificate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** A TCP or TLS listener: {@code serverInstances} NetServers sharing one port, each on its own event loop. */
final class StreamListener implements Listener {
    private static final System.Logger LOG = System.getLogger(StreamListener.class.getName());

    private final Wiring wiring;
    private final ListenerSettings settings;
    private final List<NetServer> servers = new CopyOnWriteArrayList<>();
    private volatile String deploymentId;
    private volatile CertificateWatch watch;

    StreamListener(Wiring wiring, ListenerSettings settings) {
        this.wiring = wiring;
        this.settings = settings;
    }

    @Override
    public Future<BoundListener> start() {
        Future<PemFiles> files = settings.tls() == null
                ? Future.succeededFuture()
                : CertificateWatch.load(wiring.vertx(), settings.tls());
        return files.compose(pem -> {
            NetServerOptions options = options(pem);
            int n = wiring.settings().serverInstances();
            SocketAddress at = Listener.bindAddress(settings, n);
            return wiring.vertx()
                    .deployVerticle(() -> new OnContext(() -> listen(options, at)), Listener.instances(n))
                    .map(id -> started(id, pem));
        });
    }

    private Future<NetServer> listen(NetServerOptions options, SocketAddress at) {
        NetServer server = wiring.vertx().createNetServer(options);
        server.connectHandler(this::accept);
        servers.add(server);
        return server.listen(at);
    }

    private BoundListener started(String id, PemFiles pem) {
        deploymentId = id;
        NetServer first = servers.get(0);
        InetSocketAddress bound = Addresses.bound(settings.listenHost(), first.actualPort());
        BoundListener listener = new BoundListener(settings, bound, Listener.advertised(settings, bound.getPort()));
        if (pem != null) {
            // one call reaches the shared server behind every instance
            watch = new CertificateWatch(wiring, settings.tls(), pem, o -> first.updateSSLOptions(o, true));
            watch.start(listener);
        }
        return listener;
    }

    private NetServerOptions options(PemFiles pem) {
        NetServerOptions options = new NetServerOptions()
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

    private void accept(NetSocket socket) {
        Transport transport = settings.transport();
        InetSocketAddress remote = Addresses.inet(socket.remoteAddress());
        Admission.Refusal refusal = wiring.admission().tryAdmit(remote.getAddress());
        if (refusal != null) {
            wiring.metrics().refused(transport, refusal);
            socket.close();
            return;
        }
        attach(socket, transport, true, wiring, () -> wiring.admission().release(remote.getAddress()));
    }

    /** Makes a connected socket a flow: framing, delivery, registration, and clean-up when it closes. */
    static Flow attach(NetSocket socket, Transport transport, boolean inbound, Wiring wiring, Runnable onClose) {
        Flow flow = new Flow(FlowIds.next(), transport, Addresses.inet(socket.remoteAddress()),
                Addresses.inet(socket.localAddress()), inbound, peerCertificates(socket), Wire.of(socket));
        StreamInput input = new StreamInput(flow, wiring);
        socket.handler(input::onData);
        socket.exceptionHandler(t -> LOG.log(Level.DEBUG, () -> flow + ": " + t));
        socket.closeHandler(v -> {
            onClose.run();
            wiring.flows().closed(flow);
        });
        wiring.flows().register(flow);
        return flow;
    }

    private static List<Certificate> peerCertificates(NetSocket socket) {
        if (!socket.isSsl()) {
            return List.of();
        }
        try {
            List<Certificate> chain = socket.peerCertificates();
            return chain == null ? List.of() : chain;
        } catch (SSLPeerUnverifiedException e) {
            return List.of();
        }
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
