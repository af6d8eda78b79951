package io.sipplatform.edge.proxy;

import io.sipplatform.edge.transport.Destination;
import io.sipplatform.edge.transport.Transport;

import java.net.InetSocketAddress;

/**
 * How the edge reaches one party of a dialog as it recorded it when the INVITE passed: transport, address and, for
 * a connection, the flow ({@code <replica>/<flow>} names the replica that owns it). Written as
 * {@code TRANSPORT|host|port[|flow]} into the Record-Route token (keys {@code a} and {@code b}) and into media
 * teardown contexts.
 */
public final class RecordedSide {
    private RecordedSide() {
    }

    /** The recorded form of a side. */
    public static String format(Transport t, InetSocketAddress addr, String flowId) {
        return t.name() + "|" + addr.getHostString() + "|" + addr.getPort() + (flowId != null ? "|" + flowId : "");
    }

    /** The destination a recorded side names, or null when the text is not one. */
    public static Destination parse(String s) {
        if (s == null) {
            return null;
        }
        String[] p = s.split("\\|", 4);
        if (p.length < 3) {
            return null;
        }
        Transport t = Transport.fromToken(p[0]);
        int port;
        try {
            port = Integer.parseInt(p[2]);
        } catch (NumberFormatException e) {
            return null;
        }
        if (t == null || port <= 0 || port > 65535) {
            return null;
        }
        return new Destination(t, new InetSocketAddress(p[1], port), p.length == 4 ? p[3] : null);
    }
}
