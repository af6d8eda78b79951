package io.sipplatform.edge.transport;

import io.vertx.core.net.SocketAddress;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/** Conversions between Vert.x and JDK socket addresses, never resolving names. */
final class Addresses {

    private Addresses() {
    }

    /** The JDK address of a socket's peer or local end (an IP literal: parsed, no DNS lookup). */
    static InetSocketAddress inet(SocketAddress address) {
        String ip = address.hostAddress();
        if (ip == null || ip.isEmpty()) {
            return InetSocketAddress.createUnresolved(address.host(), address.port());
        }
        try {
            return new InetSocketAddress(InetAddress.getByName(ip), address.port());
        } catch (UnknownHostException e) {
            return InetSocketAddress.createUnresolved(ip, address.port());
        }
    }

    /** The Vert.x address to send to or connect to: the IP literal when resolved, so Vert.x does not look it up. */
    static SocketAddress vertx(InetSocketAddress address) {
        return SocketAddress.inetSocketAddress(address.getPort(), host(address));
    }

    static String host(InetSocketAddress address) {
        return address.isUnresolved() ? address.getHostString() : address.getAddress().getHostAddress();
    }

    /** The bound address of a listener on {@code ipLiteral}. */
    static InetSocketAddress bound(String ipLiteral, int port) {
        try {
            return new InetSocketAddress(InetAddress.getByName(ipLiteral), port);
        } catch (UnknownHostException e) {
            return InetSocketAddress.createUnresolved(ipLiteral, port);
        }
    }
}
