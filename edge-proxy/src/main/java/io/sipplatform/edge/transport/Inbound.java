package io.sipplatform.edge.transport;

import io.sipplatform.sip.message.SipMessage;

import java.net.InetSocketAddress;

/**
 * A SIP message as received, with where it came from.
 *
 * @param message  the framed message
 * @param transport transport it arrived on
 * @param remote   the packet's source address and port (RFC 3261 §18.2.1 received / RFC 3581 rport)
 * @param local    the local listener address it arrived at
 * @param flowId   the connection it arrived on (TCP/TLS/WS/WSS), null for UDP; responses and requests to this
 *                 peer reuse it (RFC 3261 §18.2.2, RFC 5626)
 * @param receivedNanos monotonic receive time (System.nanoTime), for latency metrics
 */
public record Inbound(SipMessage message, Transport transport, InetSocketAddress remote, InetSocketAddress local,
                      String flowId, long receivedNanos) {
}
