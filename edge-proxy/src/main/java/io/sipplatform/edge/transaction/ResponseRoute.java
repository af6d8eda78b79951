package io.sipplatform.edge.transaction;

import io.sipplatform.edge.transport.Destination;
import io.sipplatform.edge.transport.Inbound;
import io.sipplatform.edge.transport.Transport;
import io.sipplatform.sip.header.Via;

import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * Where the responses to a received request go: RFC 3261 §18.2.2 with RFC 3581 symmetric response routing. The
 * packet's source address stands for the top Via's {@code received} (§18.2.1 makes them equal, and
 * {@link ReceivedStamp} writes it), so a forged {@code received} in the request changes nothing.
 *
 * <ol>
 *   <li>Reliable transport: the connection the request came on ({@link Inbound#flowId()}); if it is gone, the
 *       sender falls back to the source IP at the sent-by port, or the transport's default port (§18.2.2).
 *       {@code rport} plays no part: a client's ephemeral source port accepts no new connection.</li>
 *   <li>Unreliable, top Via with {@code maddr}: that address at the sent-by port, or 5060. A maddr that is a host
 *       name is returned unresolved ({@link InetSocketAddress#isUnresolved()}); resolving it is the sender's job.</li>
 *   <li>Unreliable, {@code rport} present: the source IP and source port (RFC 3581 §4).</li>
 *   <li>Unreliable otherwise: the source IP at the sent-by port, or 5060.</li>
 * </ol>
 */
public final class ResponseRoute {
    private ResponseRoute() {
    }

    /**
     * The destination of responses to {@code request}.
     *
     * @throws io.sipplatform.sip.SipParseException if the top Via does not parse
     */
    public static Destination of(Inbound request) {
        Via via = request.message().topVia();
        Transport transport = request.transport();
        InetSocketAddress source = request.remote();
        int sentByPort = via.port() > 0 ? via.port() : defaultPort(transport);
        if (transport.reliable()) {
            // RFC 3261 §18.2.2: same connection; else received (the source IP) and the sent-by port
            return new Destination(transport, new InetSocketAddress(source.getAddress(), sentByPort),
                    request.flowId());
        }
        String maddr = via.maddr();
        if (maddr != null) {
            // RFC 3261 §18.2.2: maddr, port from sent-by or 5060
            return Destination.of(transport, socketAddress(maddr, sentByPort));
        }
        if (via.hasRport()) {
            // RFC 3581 §4: back to the source IP and port
            return Destination.of(transport, source);
        }
        // RFC 3261 §18.2.2: received (the source IP), port from sent-by or 5060
        return Destination.of(transport, new InetSocketAddress(source.getAddress(), sentByPort));
    }

    /** The port a sent-by without one implies (RFC 3261 §18.2.2, §19.1.2; RFC 7118 §5 for WebSocket). */
    static int defaultPort(Transport transport) {
        return switch (transport) {
            case UDP, TCP -> 5060;
            case TLS -> 5061;
            case WS -> 80;
            case WSS -> 443;
        };
    }

    /** An IP literal becomes an address without a DNS query; a host name stays unresolved. */
    private static InetSocketAddress socketAddress(String host, int port) {
        InetAddress literal = IpLiteral.parse(host);
        return literal != null ? new InetSocketAddress(literal, port) : InetSocketAddress.createUnresolved(host, port);
    }
}
