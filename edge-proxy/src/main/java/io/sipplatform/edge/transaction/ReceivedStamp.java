package io.sipplatform.edge.transaction;

import io.sipplatform.edge.transport.Inbound;
import io.sipplatform.sip.header.Via;
import io.sipplatform.sip.message.SipRequest;

import java.net.InetAddress;

/**
 * Writes {@code received} and {@code rport} into the top Via of a request as it arrives (RFC 3261 §18.2.1,
 * RFC 3581 §4), so that every response built from it with {@code SipMessageBuilder.responseTo} and every request
 * forwarded from it carry the address the request really came from. The layer applies it to each request that
 * creates a server transaction; it costs one copy of the message, and only when a parameter is missing or wrong.
 */
public final class ReceivedStamp {
    private ReceivedStamp() {
    }

    /**
     * The request with its top Via completed: {@code received} set to the source IP when the sent-by host is a
     * name or another address, or when {@code rport} asks for it; {@code rport} given the source port when present.
     * Returns {@code request} itself when nothing changes.
     *
     * @throws io.sipplatform.sip.SipParseException if the top Via does not parse
     */
    public static Inbound apply(Inbound request) {
        SipRequest message = (SipRequest) request.message();
        Via via = message.topVia();
        InetAddress source = request.remote().getAddress();
        int sourcePort = request.remote().getPort();
        // RFC 3581 §4: an rport flag is filled with the source port, and received is then added unconditionally
        boolean fillRport = via.hasRport() && via.rport() != sourcePort;
        String sourceIp = ipText(source);
        boolean addReceived = (via.hasRport() || !sameAddress(via.host(), source))
                && !sourceIp.equals(via.received());
        if (!fillRport && !addReceived) {
            return request;
        }
        Via stamped = via;
        if (addReceived) {
            stamped = stamped.withReceived(sourceIp);
        }
        if (fillRport) {
            stamped = stamped.withRport(sourcePort);
        }
        SipRequest rewritten = (SipRequest) message.toBuilder().popVia().pushVia(stamped).build();
        return new Inbound(rewritten, request.transport(), request.remote(), request.local(), request.flowId(),
                request.receivedNanos());
    }

    /** RFC 3261 §18.2.1: received is needed unless sent-by is an IP literal equal to the source address. */
    static boolean sameAddress(String sentByHost, InetAddress source) {
        return source.equals(IpLiteral.parse(sentByHost));
    }

    /** The source address as a received value: IPv6 without brackets or scope (RFC 3261 §25 received). */
    static String ipText(InetAddress address) {
        String text = address.getHostAddress();
        int scope = text.indexOf('%');
        return scope < 0 ? text : text.substring(0, scope);
    }
}
