package io.sipplatform.edge.upstream;

import io.sipplatform.edge.proxy.NextHops;
import io.sipplatform.edge.transport.Destination;
import io.sipplatform.edge.transport.Transport;
import io.sipplatform.sip.uri.SipUri;
import io.sipplatform.sip.uri.Uri;
import io.vertx.core.Vertx;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Next hop by the URI's own parts (RFC 3263 §4 without NAPTR/SRV): transport from {@code transport=} (else the
 * caller's preference, else TLS for sips, else UDP), port from the URI (else 5060/5061), host as an IP literal or an
 * A/AAAA lookup off the event loop. SRV/NAPTR resolution with failover is a later step (issue 3).
 */
public final class AddressNextHops implements NextHops {
    private final Vertx vertx;

    public AddressNextHops(Vertx vertx) {
        this.vertx = vertx;
    }

    @Override
    public CompletionStage<Destination> resolve(Uri uri, Transport preferred) {
        if (!(uri instanceof SipUri s)) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("not a SIP URI: " + uri.scheme()));
        }
        Transport t = Transport.fromToken(s.transportParam());
        if (t == null) {
            t = preferred != null ? preferred : s.secure() ? Transport.TLS : Transport.UDP;
        }
        int port = s.port() > 0 ? s.port() : (t == Transport.TLS || t == Transport.WSS) ? 5061 : 5060;
        String host = s.maddr() != null ? s.maddr() : s.hostWithoutBrackets();
        Transport transport = t;
        if (s.hostIsIp() && s.maddr() == null) {
            return CompletableFuture.completedFuture(Destination.of(transport, new InetSocketAddress(host, port)));
        }
        CompletableFuture<Destination> out = new CompletableFuture<>();
        vertx.<InetAddress>executeBlocking(() -> InetAddress.getByName(host), false).onComplete(ar -> {
            if (ar.succeeded()) {
                out.complete(Destination.of(transport, new InetSocketAddress(ar.result(), port)));
            } else {
                out.completeExceptionally(ar.cause());
            }
        });
        return out;
    }
}
