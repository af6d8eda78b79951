package io.sipplatform.edge.transport;

import io.vertx.core.Future;

import java.net.InetSocketAddress;
import java.security.cert.Certificate;
import java.util.List;

/**
 * One connection (TCP, TLS, WS or WSS), inbound or opened by the edge, named by a flow id that is unique in this
 * edge process. Responses and in-dialog requests reuse it (RFC 3261 §18.2.2, RFC 5626 flows); the registrar keeps
 * the id of the flow a REGISTER arrived on. Thread-safe.
 */
public final class Flow {
    private final String id;
    private final Transport transport;
    private final InetSocketAddress remote;
    private final InetSocketAddress local;
    private final boolean inbound;
    private final List<Certificate> peerCertificates;
    private final Wire wire;
    private volatile boolean open = true;

    Flow(String id, Transport transport, InetSocketAddress remote, InetSocketAddress local, boolean inbound,
         List<Certificate> peerCertificates, Wire wire) {
        this.id = id;
        this.transport = transport;
        this.remote = remote;
        this.local = local;
        this.inbound = inbound;
        this.peerCertificates = List.copyOf(peerCertificates);
        this.wire = wire;
    }

    /** The flow id: short, opaque, URI-parameter safe ([0-9a-z]). */
    public String id() {
        return id;
    }

    public Transport transport() {
        return transport;
    }

    /** The peer's address and port as seen on the socket. */
    public InetSocketAddress remote() {
        return remote;
    }

    /** The local address and port of the connection. */
    public InetSocketAddress local() {
        return local;
    }

    /** True when the peer opened the connection. */
    public boolean inbound() {
        return inbound;
    }

    /**
     * The certificate chain the peer presented in the TLS handshake, leaf first (mutual TLS: match it to a trunk);
     * empty for TCP/WS and when the client sent none.
     */
    public List<Certificate> peerCertificates() {
        return peerCertificates;
    }

    /** False once the connection closed; the flow id then no longer resolves. */
    public boolean isOpen() {
        return open;
    }

    /** Closes the connection; close listeners of {@link FlowRegistry} run once it is closed. */
    public void close() {
        wire.close();
    }

    Future<Void> write(byte[] bytes) {
        return wire.write(bytes);
    }

    void markClosed() {
        open = false;
    }

    @Override
    public String toString() {
        return "Flow[" + id + " " + transport + " " + (inbound ? "from " : "to ") + remote + (open ? "" : " closed")
                + "]";
    }
}
