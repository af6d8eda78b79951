package io.sipplatform.edge.transport;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The edge's SIP transports on Vert.x: the listeners of {@link TransportSettings}, the flow registry, and the
 * {@link SipSender} that sends through them.
 *
 * <p>Inbound: every framed message is delivered to the handler given to {@link #start} on the event loop that read
 * it. Malformed requests whose mandatory headers could be read are answered here (513 for size limits, 505, 400);
 * everything else malformed is a counted drop. A stream whose framing is lost is closed after the answer.
 *
 * <p>Outbound ({@link #send}): UDP leaves through a listening socket (symmetric for NAT, RFC 3581); TCP, TLS, WS and
 * WSS use the destination's flow when open, else any open flow to the same address (RFC 3261 §18.2.2 connection
 * reuse), else a new TCP/TLS connection. WebSocket flows are never opened by the edge: without an open one the send
 * fails with {@link FlowFailedException}.
 */
public final class SipTransports implements SipSender {

    private final Vertx vertx;
    private final TransportSettings settings;
    private final TransportMetrics metrics;
    private final FlowRegistry flows;
    private final Admission admission;
    private final List<Consumer<BoundListener>> reloadListeners = new CopyOnWriteArrayList<>();
    private final List<Listener> listeners = new ArrayList<>();
    private final List<UdpListener> udp = new ArrayList<>();
    private volatile List<BoundListener> bound = List.of();
    private volatile Map<Transport, Optional<ListenPoint>> advertised = Map.of();
    private volatile OutboundConnector connector;
    private volatile boolean running;
    private boolean started;

    /**
     * @param vertx    the Vert.x instance whose event loops run the sockets
     * @param settings listeners, caps, timeouts, limits
     * @param meters   where the transport meters are registered
     */
    public SipTransports(Vertx vertx, TransportSettings settings, MeterRegistry meters) {
        this.vertx = Objects.requireNonNull(vertx, "vertx");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.metrics = new TransportMetrics(meters);
        this.flows = new FlowRegistry(metrics);
        this.admission = new Admission(settings.maxConnectionsPerIp(), settings.maxConnections());
    }

    /**
     * Binds every listener and prepares outbound connections; completes when all are bound (then
     * {@link #listeners()} tells the bound ports), fails (with every listener closed again) when one cannot bind.
     *
     * @param handler receives each inbound message on the event loop that read it; must not block
     */
    public synchronized Future<Void> start(Consumer<Inbound> handler) {
        Objects.requireNonNull(handler, "handler");
        if (started) {
            return Future.failedFuture(new IllegalStateException("already started"));
        }
        started = true;
        Wiring wiring = new Wiring(vertx, settings, metrics, flows, admission, handler, reloadListeners);
        for (ListenerSettings ls : settings.listeners()) {
            Listener listener = switch (ls.transport()) {
                case UDP -> {
                    UdpListener u = new UdpListener(wiring, ls);
                    udp.add(u);
                    yield u;
                }
                case TCP, TLS -> new StreamListener(wiring, ls);
                case WS, WSS -> new WebSocketListener(wiring, ls);
            };
            listeners.add(listener);
        }
        OutboundConnector outbound = new OutboundConnector(wiring);
        List<Future<BoundListener>> starts = new ArrayList<>();
        for (Listener l : listeners) {
            starts.add(l.start());
        }
        return Future.join(starts).compose(all -> outbound.start()).map(v -> {
            List<BoundListener> b = new ArrayList<>();
            Map<Transport, Optional<ListenPoint>> adv = new EnumMap<>(Transport.class);
            for (Transport t : Transport.values()) {
                adv.put(t, Optional.empty());
            }
            for (Future<BoundListener> f : starts) {
                BoundListener bl = f.result();
                b.add(bl);
                if (adv.get(bl.transport()).isEmpty()) {
                    adv.put(bl.transport(), Optional.of(bl.advertised()));
                }
            }
            bound = List.copyOf(b);
            advertised = adv;
            connector = outbound;
            running = true;
            return (Void) null;
        }).recover(t -> stopAll(outbound).transform(ignored -> Future.failedFuture(t)));
    }

    /** Closes every listener, every connection and the outbound clients. */
    public synchronized Future<Void> stop() {
        running = false;
        return stopAll(connector);
    }

    private Future<Void> stopAll(OutboundConnector outbound) {
        List<Future<Void>> stops = new ArrayList<>();
        for (Listener l : listeners) {
            stops.add(l.stop());
        }
        if (outbound != null) {
            stops.add(outbound.stop());
        }
        return Future.join(stops).mapEmpty();
    }

    /** The open flows. */
    public FlowRegistry flows() {
        return flows;
    }

    /** The started listeners in configuration order, with their bound ports. Empty before start. */
    public List<BoundListener> listeners() {
        return bound;
    }

    /** The started listener of {@code transport} that comes first in the configuration, if any. */
    public Optional<BoundListener> listener(Transport transport) {
        for (BoundListener b : bound) {
            if (b.transport() == transport) {
                return Optional.of(b);
            }
        }
        return Optional.empty();
    }

    /** What the first listener of {@code transport} advertises (Via, Record-Route, Path, Contact), if any. */
    public Optional<ListenPoint> advertised(Transport transport) {
        return advertised.getOrDefault(transport, Optional.empty());
    }

    /**
     * What to advertise for a message to {@code destination} over {@code transport}: the first listener of that
     * transport bound to the destination's address family (or to the IPv6 wildcard), else the first one; null
     * when no listener has that transport.
     */
    public ListenPoint advertisedFor(Transport transport, InetSocketAddress destination) {
        ListenPoint fallback = null;
        for (BoundListener b : bound) {
            if (b.transport() != transport) {
                continue;
            }
            if (sameFamily(b.bound(), destination)) {
                return b.advertised();
            }
            if (fallback == null) {
                fallback = b.advertised();
            }
        }
        return fallback;
    }

    /**
     * Reads every TLS/WSS listener's files now instead of waiting for the periodic check; true when a new
     * certificate was applied to at least one, failed when a changed pair was refused.
     */
    public Future<Boolean> reloadCertificates() {
        List<Future<Boolean>> checks = new ArrayList<>();
        for (Listener l : listeners) {
            checks.add(l.reloadCertificate());
        }
        return Future.all(checks).map(all -> {
            for (Future<Boolean> f : checks) {
                if (f.result()) {
                    return true;
                }
            }
            return false;
        });
    }

    /** Adds a listener told (on a Vert.x thread) each time a listener starts serving a new certificate. */
    public void onCertificateReload(Consumer<BoundListener> listener) {
        reloadListeners.add(listener);
    }

    /**
     * Sends one SIP message. Never blocks; {@code bytes} must not change afterwards. A failure is reported once to
     * {@code onFailure} (may be null) on the caller's Vert.x context, or on a Vert.x thread when the caller had none.
     */
    @Override
    public void send(Destination destination, byte[] bytes, Consumer<Throwable> onFailure) {
        Context caller = Vertx.currentContext();
        Transport transport = destination.transport();
        if (!running) {
            fail(transport, caller, onFailure, new IllegalStateException("transports not running"));
            return;
        }
        if (transport == Transport.UDP) {
            sendUdp(destination.address(), bytes, caller, onFailure);
            return;
        }
        Flow flow = flows.get(destination.flowId());
        if (flow == null || flow.transport() != transport) {
            flow = flows.find(transport, destination.address());
        }
        if (flow != null) {
            write(flow, bytes, caller, onFailure);
            return;
        }
        if (transport == Transport.WS || transport == Transport.WSS) {
            fail(transport, caller, onFailure, new FlowFailedException("no open " + transport + " flow to "
                    + destination.address() + (destination.flowId() == null ? "" : " (flow " + destination.flowId()
                    + ")") + "; WebSocket connections are opened by clients only"));
            return;
        }
        connector.connect(transport, destination.address()).onComplete(ar -> {
            if (ar.succeeded()) {
                write(ar.result(), bytes, caller, onFailure);
            } else {
                fail(transport, caller, onFailure, ar.cause());
            }
        });
    }

    private void sendUdp(InetSocketAddress to, byte[] bytes, Context caller, Consumer<Throwable> onFailure) {
        UdpListener from = null;
        for (UdpListener u : udp) {
            if (u.reaches(to)) {
                from = u;
                break;
            }
        }
        if (from == null) {
            fail(Transport.UDP, caller, onFailure, new IllegalStateException("no UDP listener can reach " + to));
            return;
        }
        metrics.sent(Transport.UDP);
        from.send(to, bytes).onFailure(t -> fail(Transport.UDP, caller, onFailure, t));
    }

    private void write(Flow flow, byte[] bytes, Context caller, Consumer<Throwable> onFailure) {
        metrics.sent(flow.transport());
        flow.write(bytes).onFailure(t -> fail(flow.transport(), caller, onFailure, t));
    }

    private void fail(Transport transport, Context caller, Consumer<Throwable> onFailure, Throwable cause) {
        metrics.sendFailed(transport);
        if (onFailure == null) {
            return;
        }
        if (caller != null) {
            caller.runOnContext(v -> onFailure.accept(cause));
        } else {
            onFailure.accept(cause);
        }
    }

    private static boolean sameFamily(InetSocketAddress local, InetSocketAddress remote) {
        if (local.isUnresolved() || remote.isUnresolved()) {
            return false;
        }
        boolean localV6 = local.getAddress() instanceof Inet6Address;
        return localV6 == remote.getAddress() instanceof Inet6Address
                || (localV6 && local.getAddress().isAnyLocalAddress());
    }
}
