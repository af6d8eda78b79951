package io.sipplatform.edge.transport;

import io.sipplatform.sip.message.DatagramFramer;
import io.sipplatform.sip.message.Framed;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.datagram.DatagramPacket;
import io.vertx.core.datagram.DatagramSocket;
import io.vertx.core.datagram.DatagramSocketOptions;

import java.lang.System.Logger.Level;
import java.net.Inet6Address;
import java.net.InetSocketAddress;

/**
 * A UDP listener: one socket on one event loop, which also sends every UDP message leaving through it, so that
 * responses come from the address the request went to (symmetric, RFC 3581) and NAT bindings stay open.
 */
final class UdpListener implements Listener {
    private static final System.Logger LOG = System.getLogger(UdpListener.class.getName());

    private final Wiring wiring;
    private final ListenerSettings settings;
    private final DatagramFramer framer;
    private volatile DatagramSocket socket;
    private volatile InetSocketAddress local;
    private volatile String deploymentId;

    UdpListener(Wiring wiring, ListenerSettings settings) {
        this.wiring = wiring;
        this.settings = settings;
        this.framer = new DatagramFramer(wiring.settings().frameLimits());
    }

    @Override
    public Future<BoundListener> start() {
        return wiring.vertx()
                .deployVerticle(() -> new OnContext(this::listen), Listener.instances(1))
                .map(id -> {
                    deploymentId = id;
                    return new BoundListener(settings, local, Listener.advertised(settings, local.getPort()));
                });
    }

    private Future<DatagramSocket> listen() {
        // Vert.x uses this for SO_RCVBUF and for its per-read buffer (Netty's default read buffer, 2048 bytes,
        // would cut every larger datagram short)
        DatagramSocketOptions options = new DatagramSocketOptions()
                .setReceiveBufferSize(wiring.settings().udpReceiveBufferBytes())
                .setIpV6(settings.listenHost().indexOf(':') >= 0);
        DatagramSocket s = wiring.vertx().createDatagramSocket(options);
        // set before binding: a datagram may be read before the listen future's callbacks ran
        socket = s;
        local = Addresses.bound(settings.listenHost(), settings.listenPort());
        s.handler(this::onPacket);
        s.exceptionHandler(t -> LOG.log(Level.DEBUG, () -> "UDP " + local + ": " + t));
        return s.listen(settings.listenPort(), settings.listenHost())
                .onSuccess(bound -> local = Addresses.bound(settings.listenHost(), bound.localAddress().port()));
    }

    private void onPacket(DatagramPacket packet) {
        long receivedNanos = System.nanoTime();
        TransportMetrics metrics = wiring.metrics();
        byte[] bytes = packet.data().getBytes(); // the only copy: the framer reads this array in place
        Framed framed = framer.frame(bytes);
        if (framed instanceof Framed.Message m) {
            metrics.received(Transport.UDP);
            try {
                wiring.handler().accept(new Inbound(m.message(), Transport.UDP, Addresses.inet(packet.sender()),
                        local, null, receivedNanos));
            } catch (RuntimeException e) {
                metrics.handlerFailed(Transport.UDP);
                LOG.log(Level.WARNING, "inbound handler failed for UDP from " + packet.sender(), e);
            }
        } else if (framed instanceof Framed.KeepAlive k) {
            metrics.keepAlive(Transport.UDP, k.kind()); // no pong over UDP: STUN is the UDP keep-alive
        } else if (framed instanceof Framed.Malformed bad) {
            metrics.malformed(Transport.UDP, bad.reason());
            byte[] answer = MalformedAnswer.sizeLimit(bad) ? null : MalformedAnswer.bytes(bad);
            if (answer == null) {
                metrics.dropped(Transport.UDP, bad.reason());
                return;
            }
            // to the packet's source: its Via may be what was malformed (RFC 3581 symmetric response)
            metrics.sent(Transport.UDP);
            socket.send(Buffer.buffer(answer), packet.sender().port(), packet.sender().hostAddress());
        }
    }

    /** True when this socket can send to {@code to}: same address family, or an IPv6 wildcard (dual stack). */
    boolean reaches(InetSocketAddress to) {
        InetSocketAddress l = local;
        if (l == null || to.isUnresolved()) {
            return l != null;
        }
        boolean listenV6 = l.getAddress() instanceof Inet6Address;
        boolean toV6 = to.getAddress() instanceof Inet6Address;
        return listenV6 == toV6 || (listenV6 && l.getAddress().isAnyLocalAddress());
    }

    Future<Void> send(InetSocketAddress to, byte[] bytes) {
        return socket.send(Buffer.buffer(bytes), to.getPort(), Addresses.host(to));
    }

    @Override
    public Future<Void> stop() {
        String id = deploymentId;
        return id == null ? Future.succeededFuture() : wiring.vertx().undeploy(id);
    }
}
