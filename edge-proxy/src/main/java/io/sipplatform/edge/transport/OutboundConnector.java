package io.sipplatform.edge.transport;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;

import java.net.InetSocketAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Opens TCP and TLS connections to peers no open flow reaches. Concurrent sends to the same peer share one connect
 * attempt; the connection becomes a flow of the registry (pooled by transport and peer address) and lives on the
 * event loop of the send that opened it.
 */
final class OutboundConnector {

    private record Peer(Transport transport, InetSocketAddress remote) {
    }

    private final Wiring wiring;
    private final ConcurrentHashMap<Peer, Future<Flow>> pending = new ConcurrentHashMap<>();
    private volatile NetClient tcp;
    private volatile NetClient tls;

    OutboundConnector(Wiring wiring) {
        this.wiring = wiring;
    }

    Future<Void> start() {
        tcp = wiring.vertx().createNetClient(baseOptions());
        OutboundTlsSettings o = wiring.settings().outboundTls();
        return PemFiles.read(wiring.vertx().fileSystem(), o.certificate(), o.privateKey(), o.trustedCa())
                .map(pem -> {
                    tls = wiring.vertx().createNetClient(tlsOptions(pem, o));
                    return null;
                });
    }

    private NetClientOptions baseOptions() {
        return new NetClientOptions()
                .setConnectTimeout((int) wiring.settings().connectTimeout().toMillis())
                .setIdleTimeout((int) wiring.settings().outboundIdleTimeout().toMillis())
                .setIdleTimeoutUnit(TimeUnit.MILLISECONDS)
                .setTcpNoDelay(true);
    }

    private NetClientOptions tlsOptions(PemFiles pem, OutboundTlsSettings o) {
        NetClientOptions options = baseOptions()
                .setSsl(true)
                // RFC 5922 §7.2: the certificate must name the host connected to
                .setHostnameVerificationAlgorithm(o.verifyHostname() ? "HTTPS" : "");
        if (pem.trust() != null) {
            options.setTrustOptions(pem.trust());
        }
        if (pem.keyCert() != null) {
            options.setKeyCertOptions(pem.keyCert());
        }
        return options;
    }

    /** A flow to {@code remote}: an open one, the pending attempt of a concurrent send, or a new connection. */
    Future<Flow> connect(Transport transport, InetSocketAddress remote) {
        Peer peer = new Peer(transport, remote);
        Promise<Flow> mine = Promise.promise();
        Future<Flow> existing = pending.putIfAbsent(peer, mine.future());
        if (existing != null) {
            return existing;
        }
        // a connect that finished between the caller's lookup and putIfAbsent registered its flow already
        Flow open = wiring.flows().find(transport, remote);
        if (open != null) {
            pending.remove(peer, mine.future());
            mine.complete(open);
            return mine.future();
        }
        NetClient client = transport == Transport.TLS ? tls : tcp;
        String serverName = transport == Transport.TLS ? serverName(remote) : null;
        client.connect(Addresses.vertx(remote), serverName).onComplete(ar -> {
            if (ar.succeeded()) {
                Flow flow = StreamListener.attach(ar.result(), transport, false, wiring, () -> { });
                pending.remove(peer, mine.future());
                mine.complete(flow);
            } else {
                pending.remove(peer, mine.future());
                mine.fail(ar.cause());
            }
        });
        return mine.future();
    }

    /** The SNI name: the destination's host name when it was given as one, never an IP literal (RFC 6066 §3). */
    private static String serverName(InetSocketAddress remote) {
        String host = remote.getHostString();
        boolean name = !host.isEmpty() && host.indexOf(':') < 0 && Character.isLetter(host.charAt(host.length() - 1));
        return name ? host : null;
    }

    Future<Void> stop() {
        NetClient a = tcp;
        NetClient b = tls;
        return Future.all(a == null ? Future.succeededFuture() : a.close(),
                b == null ? Future.succeededFuture() : b.close()).mapEmpty();
    }
}
