package io.sipplatform.edge.transport;

import java.net.InetSocketAddress;

/**
 * Where to send a message.
 *
 * @param transport transport to use
 * @param address   resolved address and port
 * @param flowId    an existing connection to prefer (null: reuse any open connection to {@code address} or open
 *                  one); ignored for UDP
 */
public record Destination(Transport transport, InetSocketAddress address, String flowId) {

    /** A destination without a preferred connection. */
    public static Destination of(Transport transport, InetSocketAddress address) {
        return new Destination(transport, address, null);
    }
}
