package io.sipplatform.edge.wiring;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.sipplatform.edge.config.EdgeConfig;
import io.sipplatform.edge.protect.Cidr;
import io.sipplatform.edge.protect.SourceGuard;
import io.sipplatform.edge.proxy.Admission;
import io.sipplatform.edge.proxy.EdgeIdentity;
import io.sipplatform.edge.proxy.ProxyCore;
import io.sipplatform.edge.proxy.RouteToken;
import io.sipplatform.edge.proxy.TeardownSeal;
import io.sipplatform.edge.teardown.CallTeardown;
import io.sipplatform.edge.teardown.MediaTimeouts;
import io.sipplatform.edge.teardown.RelayEvent;
import io.sipplatform.edge.teardown.TeardownStats;
import io.sipplatform.edge.upstream.RelayEventWatch;
import io.sipplatform.edge.time.VertxTimers;
import io.sipplatform.edge.transaction.TransactionLayer;
import io.sipplatform.edge.transaction.TransactionSettings;
import io.sipplatform.edge.transport.BoundListener;
import io.sipplatform.edge.transport.Inbound;
import io.sipplatform.edge.transport.ListenerSettings;
import io.sipplatform.edge.transport.SipTransports;
import io.sipplatform.edge.transport.TlsSettings;
import io.sipplatform.edge.transport.Transport;
import io.sipplatform.edge.transport.TransportSettings;
import io.sipplatform.edge.cluster.Handoff;
import io.sipplatform.edge.cluster.HandoffAddress;
import io.sipplatform.edge.gateway.GatewayCallReports;
import io.sipplatform.edge.gateway.GatewayReports;
import io.sipplatform.edge.gateway.Probes;
import io.sipplatform.edge.gateway.ShardOptionsSender;
import io.sipplatform.edge.proxy.Upstream;
import io.sipplatform.proto.routing.v1.GatewayProbeTargetsRequest;
import io.sipplatform.proto.routing.v1.ReportGatewayResultRequest;
import io.sipplatform.edge.telemetry.CallTracing;
import io.sipplatform.edge.telemetry.GrpcHopTracing;
import io.sipplatform.edge.telemetry.TracedUpstream;
import io.sipplatform.edge.telemetry.TracingUser;
import io.sipplatform.edge.resolve.DnsClient;
import io.sipplatform.edge.resolve.NameServers;
import io.sipplatform.edge.resolve.SipResolver;
import io.sipplatform.edge.upstream.GrpcToSip;
import io.sipplatform.edge.upstream.GrpcUpstream;
import io.sipplatform.edge.upstream.MediaRelays;
import io.sipplatform.edge.upstream.RelayAddress;
import io.sipplatform.proto.registrar.v1.MutinyRegistrarGrpc;
import io.sipplatform.proto.routing.v1.MutinyRoutingGrpc;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Starts the SIP edge inside Quarkus: transports on the managed Vert.x, one transaction layer and proxy core per
 * event-loop shard, gRPC upstreams. Only wiring: the behaviour lives in the transport, transaction and proxy
 * packages.
 */
@ApplicationScoped
public class SipEdge {
    private static final Logger LOG = Logger.getLogger(SipEdge.class);

    @Inject
    Vertx vertx;

    @Inject
    EdgeConfig config;

    @Inject
    MeterRegistry meters;

    @GrpcClient("routing")
    MutinyRoutingGrpc.MutinyRoutingStub routing;

    @GrpcClient("registrar")
    MutinyRegistrarGrpc.MutinyRegistrarStub registrar;

    @GrpcClient("media")
    io.sipplatform.proto.media.v1.MutinyMediaRelayGrpc.MutinyMediaRelayStub media;

    /** The {@code media} client's channel, for the relay's event stream (no tracing interceptor: hours long). */
    @GrpcClient("media")
    io.grpc.Channel mediaChannel;

    @GrpcClient("cdr")
    io.sipplatform.proto.cdr.v1.MutinyCdrIngestGrpc.MutinyCdrIngestStub cdr;

    @Inject
    io.opentelemetry.api.OpenTelemetry otel;

    private volatile io.sipplatform.edge.upstream.CdrSpool spool;

    private final AtomicReference<Shards> shards = new AtomicReference<>();
    private final AtomicLong droppedBeforeReady = new AtomicLong();
    private volatile SipTransports transports;
    private final List<io.grpc.ManagedChannel> relayChannels = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** Each relay's event stream, by the edge's relay id (filled while the relays are built). */
    private final Map<String, RelayEventWatch.Source> relayEvents = new java.util.LinkedHashMap<>();
    private final List<RelayEventWatch> watches = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile Probes probes;
    private volatile DnsClient dnsClient;
    private volatile Handoff handoff;
    private volatile Context probesHome;
    private volatile String replicaId;
    private volatile boolean ready;
    private volatile SourceGuard guard;
    private volatile Admission admission;

    void onStart(@Observes StartupEvent event) throws Exception {
        EdgeConfig.Protection p = config.protection();
        List<Cidr> trusted = new ArrayList<>();
        p.trusted().orElse(List.of()).forEach(c -> trusted.add(Cidr.parse(c)));
        guard = new SourceGuard(new SourceGuard.Settings(p.requestsPerSecond(), p.burst(), p.ban(), trusted,
                p.maxAuthFailures(), p.authFailureWindow()), System::nanoTime);
        vertx.setPeriodic(60_000, id -> guard.sweep());
        admission = new Admission(p.maxOpenTransactionsPerShard(), p.maxCallsPerSecond(), System::nanoTime);
        Optional<java.net.InetSocketAddress> handoffAt = config.cluster().handoffHost()
                .map(h -> new java.net.InetSocketAddress(h, config.cluster().handoffPort()));
        if (handoffAt.isPresent() && config.replicaId().isPresent()) {
            throw new IllegalStateException("edge.replica-id and edge.cluster.handoff-host exclude each other: with"
                    + " hand-off the replica id is derived from the internal address");
        }
        replicaId = handoffAt.map(HandoffAddress::replicaId).orElseGet(() -> config.replicaId()
                .orElseGet(() -> "e" + HexFormat.of().formatHex(SecureRandom.getSeed(3))));
        TransportSettings settings = TransportSettings.of(listeners())
                .withConnectionCaps(config.sip().maxConnectionsPerIp(), TransportSettings.DEFAULT_MAX_CONNECTIONS)
                .withIdleTimeouts(config.sip().idleTimeout(), config.sip().idleTimeout());
        transports = new SipTransports(vertx, settings, meters);
        transports.start(this::onInbound).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);

        Map<Transport, EdgeIdentity.HostPort> advertised = new EnumMap<>(Transport.class);
        for (BoundListener l : transports.listeners()) {
            advertised.putIfAbsent(l.settings().transport(),
                    new EdgeIdentity.HostPort(l.advertised().host(), l.advertised().port()));
        }
        EdgeIdentity me = new EdgeIdentity(replicaId, advertised, java.util.Set.copyOf(config.domains()));
        List<byte[]> secrets = new ArrayList<>();
        for (String s : config.routeSecrets()) {
            secrets.add(s.getBytes(StandardCharsets.UTF_8));
        }
        RouteToken token = new RouteToken(secrets);
        if (handoffAt.isPresent()) {
            Handoff h = new Handoff(vertx, handoffAt.get(), replicaId, secrets.get(0), in -> {
                Shards s = shards.get();
                if (s != null) {
                    s.dispatch(in);
                }
            }, transports, System::currentTimeMillis);
            h.start().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            handoff = h;
            Gauge.builder("sip.handoff.forwarded", h, Handoff::forwarded).register(meters);
            Gauge.builder("sip.handoff.received", h, Handoff::received).register(meters);
            Gauge.builder("sip.handoff.rejected", h, Handoff::rejected).register(meters);
        }
        RelayEventWatch.Source defaultRelayEvents = RelayEventWatch.Source.over(mediaChannel);
        Optional<CallTracing> tracing = CallTracing.of(otel);
        Optional<GrpcHopTracing> relayHops = tracing.map(GrpcHopTracing::new);
        tracing.ifPresent(t -> {
            GrpcHopTracing hops = new GrpcHopTracing(t);
            routing = routing.withInterceptors(hops);
            registrar = registrar.withInterceptors(hops);
            media = media.withInterceptors(hops);
            cdr = cdr.withInterceptors(hops);
        });
        GrpcUpstream grpc = new GrpcUpstream(routing, registrar, mediaRelays(relayHops, defaultRelayEvents),
                config.upstream().deadline(),
                new GrpcToSip(config.upstream().retryAfter()), replicaId, flowId -> {
                    io.sipplatform.edge.transport.Flow f = transports.flows().get(flowId);
                    return f == null ? List.of() : f.peerCertificates();
                });
        Upstream upstream = tracing.<Upstream>map(t -> new TracedUpstream(grpc, t)).orElse(grpc);
        EdgeConfig.Dns dnsConfig = config.dns();
        dnsClient = new DnsClient(vertx, NameServers.of(dnsConfig.servers().orElse(List.of()),
                Path.of("/etc/resolv.conf")),
                dnsConfig.timeout(), dnsConfig.attempts());
        SipResolver nextHops = new SipResolver(dnsClient, System::nanoTime, new java.util.Random(),
                dnsConfig.negativeTtl(), dnsConfig.maxTtl());
        Gauge.builder("sip.dns.queries", dnsClient, DnsClient::queries).register(meters);
        Gauge.builder("sip.dns.failures", dnsClient, DnsClient::failures).register(meters);
        Gauge.builder("sip.dns.truncated.used", dnsClient, DnsClient::truncatedUsed).register(meters);
        io.sipplatform.edge.proxy.CallEvents callEvents = io.sipplatform.edge.proxy.CallEvents.NONE;
        java.time.Duration deadline = config.upstream().deadline();
        if (config.cdr().enabled()) {
            spool = new io.sipplatform.edge.upstream.CdrSpool(Path.of(config.cdr().spoolDir()),
                    config.cdr().maxBytes(), batch -> {
                        // the batch's first call names the trace (a batch usually holds one call's events)
                        try (io.opentelemetry.context.Scope ignored = tracing.map(t -> t.contextOf(
                                batch.isEmpty() ? null : batch.get(0).getCallId()))
                                .orElseGet(io.opentelemetry.context.Context::root).makeCurrent()) {
                            return cdr.withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS)
                                    .publishBatch(io.sipplatform.proto.cdr.v1.PublishBatchRequest.newBuilder()
                                            .addAllEvents(batch).build())
                                    .subscribeAsCompletionStage().thenApply(r -> (Void) null);
                        }
                    }, deadline.multipliedBy(2));
            callEvents = new io.sipplatform.edge.upstream.CdrEvents(spool, replicaId, config.site());
            io.sipplatform.edge.upstream.CdrSpool sp = spool;
            Gauge.builder("sip.cdr.spool.pending", sp, io.sipplatform.edge.upstream.CdrSpool::pending).register(meters);
            Gauge.builder("sip.cdr.spool.dropped", sp, io.sipplatform.edge.upstream.CdrSpool::dropped).register(meters);
            Gauge.builder("sip.cdr.events.sent", sp, io.sipplatform.edge.upstream.CdrSpool::sent).register(meters);
        }
        TransactionSettings tx = new TransactionSettings(config.timers().t1(), config.timers().t2(),
                config.timers().t4());
        ProxyCore.ProxySettings proxySettings = new ProxyCore.ProxySettings(
                ProxyCore.ProxySettings.DEFAULTS.timerC(), config.upstream().retryAfter());
        int count = config.sip().shards().orElse(Runtime.getRuntime().availableProcessors());
        VertxTimers timers = new VertxTimers(vertx);
        io.sipplatform.edge.transport.SipSender wire = handoff != null ? handoff.wrap(transports) : transports;
        io.sipplatform.edge.transport.SipSender out = !LOG.isTraceEnabled() ? wire : (d, bytes, onFailure) -> {
            String text = new String(bytes, 0, Math.min(bytes.length, 200), StandardCharsets.UTF_8);
            LOG.tracef("out %s %s: %s", d.transport(), d.address(), text.substring(0, Math.max(0, text.indexOf('\r'))));
            wire.send(d, bytes, onFailure);
        };
        EdgeConfig.Gateways gw = config.gateways();
        GatewayReports gatewayReports = new GatewayReports(batch -> routing
                .withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS)
                .reportGatewayResult(ReportGatewayResultRequest.newBuilder().addAllObservations(batch).build())
                .subscribeAsCompletionStage(), gw.reportBatch(), gw.reportQueue());
        vertx.setPeriodic(Math.max(1, gw.reportFlush().toMillis()), id -> gatewayReports.flush());
        Gauge.builder("sip.gateway.observations.sent", gatewayReports, GatewayReports::sent).register(meters);
        Gauge.builder("sip.gateway.observations.dropped", gatewayReports, GatewayReports::dropped).register(meters);
        if (gw.reportCalls()) {
            callEvents = new GatewayCallReports(callEvents, gatewayReports, replicaId);
        }
        io.sipplatform.edge.proxy.CallEvents events = callEvents;
        boolean endTimedOut = config.media().endCallsOnTimeout();
        TeardownSeal seal = new TeardownSeal(token);
        Shards built = new Shards(vertx, Math.max(1, count), i -> {
            Context ctx = Shards.newEventLoopContext(vertx);
            ProxyCore core = new ProxyCore(me, token, upstream, nextHops, out, timers,
                    r -> ctx.runOnContext(v -> r.run()), proxySettings, admission, events,
                    java.time.InstantSource.system());
            TransactionLayer layer = new TransactionLayer(tx, timers, out,
                    tracing.<io.sipplatform.edge.transaction.TransactionUser>map(t -> new TracingUser(core, t))
                            .orElse(core));
            core.attach(layer);
            if (endTimedOut) {
                core.sendTeardownContexts(seal);
            }
            core.onAuthFailure(source -> {
                if (source.remote().getAddress() != null) {
                    guard.authFailed(source.remote().getAddress());
                }
            });
            return new Shards.Shard(ctx, layer, core);
        });
        shards.set(built);
        endTimedOutCalls(new CallTeardown(me, nextHops, upstream, events, built::onShard, new TeardownStats()),
                seal, timers);
        if (gw.probesEnabled()) {
            Context home = Shards.newEventLoopContext(vertx);
            Probes prober = new Probes(() -> routing.withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS)
                    .gatewayProbeTargets(GatewayProbeTargetsRequest.newBuilder().setEdgeId(replicaId).build())
                    .subscribeAsCompletionStage(), nextHops, new ShardOptionsSender(me, built::onShard),
                    gatewayReports, timers, r -> home.runOnContext(v -> r.run()), java.time.InstantSource.system(),
                    new Probes.Settings(gw.probeInterval(), gw.probeTimeout(), gw.probeRefresh()), replicaId);
            home.runOnContext(v -> prober.start());
            probes = prober;
            probesHome = home;
            Gauge.builder("sip.gateway.probes.sent", prober, Probes::sent).register(meters);
        }
        Gauge.builder("sip.transactions.open", built, Shards::openTransactions).register(meters);
        Gauge.builder("sip.edge.dropped.starting", droppedBeforeReady, AtomicLong::get).register(meters);
        Gauge.builder("sip.protect.dropped", guard, SourceGuard::dropped).register(meters);
        Gauge.builder("sip.protect.bans", guard, SourceGuard::bans).register(meters);
        Gauge.builder("sip.protect.auth.bans", guard, SourceGuard::authBans).register(meters);
        Gauge.builder("sip.protect.tracked.sources", guard, SourceGuard::tracked).register(meters);
        ready = true;
        LOG.infof("SIP edge %s listening on %s", replicaId, advertised);
    }

    void onStop(@Observes ShutdownEvent event) throws Exception {
        // drain (DESIGN §4): readiness DOWN, serve on for the delay, then refuse new out-of-dialog requests with
        // 503 + Retry-After while in-dialog requests and open transactions finish, then close the listeners
        ready = false;
        Shards s = shards.get();
        if (s != null && admission != null) {
            Thread.sleep(config.drain().delay().toMillis());
            admission.drain();
            long deadline = System.nanoTime() + config.drain().timeout().toNanos();
            // wait for requests still owed a final response; completed transactions only absorb retransmissions
            while (s.openCalls() > 0 && System.nanoTime() - deadline < 0) {
                Thread.sleep(100);
            }
            LOG.infof("drained: %d requests still without a final response", s.openCalls());
        }
        Probes p = probes;
        if (p != null) {
            probesHome.runOnContext(v -> p.stop());
        }
        SipTransports t = transports;
        if (t != null) {
            t.stop().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
        if (dnsClient != null) {
            dnsClient.close();
        }
        watches.forEach(RelayEventWatch::stop);
        relayChannels.forEach(io.grpc.ManagedChannel::shutdown);
        if (handoff != null) {
            handoff.close();
        }
        if (spool != null) {
            spool.awaitEmpty(java.time.Duration.ofSeconds(2)); // what is left stays on disk for the next start
            spool.close();
        }
    }

    /**
     * The relays of {@code edge.media.relays}, a plaintext channel each, or the one {@code media} Quarkus client
     * (id 1, as tokens written before relay ids name it).
     */
    private MediaRelays mediaRelays(Optional<GrpcHopTracing> hops, RelayEventWatch.Source defaultEvents) {
        java.time.Duration deadline = config.upstream().deadline();
        List<MediaRelays.Relay> relays = new ArrayList<>();
        for (String entry : config.media().relays().orElse(List.of())) {
            RelayAddress a = RelayAddress.parse(entry);
            io.grpc.ManagedChannel channel = io.grpc.netty.NettyChannelBuilder.forAddress(a.host(), a.port())
                    .usePlaintext()
                    .keepAliveTime(config.media().eventsKeepalive().toMillis(), TimeUnit.MILLISECONDS)
                    .keepAliveTimeout(20, TimeUnit.SECONDS)
                    .build();
            relayChannels.add(channel);
            var stub = io.sipplatform.proto.media.v1.MutinyMediaRelayGrpc.newMutinyStub(channel);
            relayEvents.put(a.id(), RelayEventWatch.Source.over(channel));
            if (hops.isPresent()) {
                stub = stub.withInterceptors(hops.get());
            }
            relays.add(new MediaRelays.Relay(a.id(), MediaRelays.Client.over(stub, deadline)));
        }
        if (relays.isEmpty()) {
            relays.add(new MediaRelays.Relay(Upstream.Media.DEFAULT_RELAY, MediaRelays.Client.over(media, deadline)));
            relayEvents.put(Upstream.Media.DEFAULT_RELAY, defaultEvents);
        }
        MediaRelays built = new MediaRelays(relays, config.media().downFor(), System::nanoTime,
                new GrpcToSip(config.upstream().retryAfter()));
        Gauge.builder("sip.media.relay.failures", built, MediaRelays::failures).register(meters);
        Gauge.builder("sip.media.relay.failovers", built, MediaRelays::failovers).register(meters);
        LOG.infof("media relays: %s", built.ids());
        return built;
    }

    /**
     * Subscribes to every relay's events (group {@code edge}) and ends the answered calls whose media timed out;
     * with {@code edge.media.end-calls-on-timeout} off, nothing is subscribed. Health does not depend on it.
     */
    private void endTimedOutCalls(CallTeardown teardown, TeardownSeal seal, VertxTimers timers) {
        EdgeConfig.Media m = config.media();
        TeardownStats stats = teardown.stats();
        perValue("sip.media.teardown.contexts.unsent", "reason", TeardownSeal.Unsent.values(), seal,
                TeardownSeal::unsent);
        perValue("sip.media.events.received", "kind", RelayEvent.Kind.values(), stats, TeardownStats::received);
        perValue("sip.media.events.handled", "kind", RelayEvent.Kind.values(), stats, TeardownStats::handled);
        perValue("sip.media.events.ignored", "reason", TeardownStats.Ignored.values(), stats,
                TeardownStats::ignored);
        perValue("sip.media.teardown.byes", "outcome", TeardownStats.Bye.values(), stats, TeardownStats::byes);
        if (!m.endCallsOnTimeout()) {
            return;
        }
        MediaTimeouts timeouts = new MediaTimeouts(seal, teardown, stats, System::nanoTime);
        Context home = Shards.newEventLoopContext(vertx);
        relayEvents.forEach((id, source) -> {
            RelayEventWatch w = new RelayEventWatch(id, source, replicaId, timers, System::nanoTime,
                    m.eventsReconnectMin(), m.eventsReconnectMax(), timeouts::onEvent);
            watches.add(w);
            FunctionCounter.builder("sip.media.events.reconnects", w, RelayEventWatch::reconnects)
                    .tag("relay", id).register(meters);
            home.runOnContext(v -> w.start());
        });
    }

    /** One counter per value of an enum, tagged with the value in lower case ({@code route-set-unknown}). */
    private <T, E extends Enum<E>> void perValue(String name, String tag, E[] values, T source,
                                                 java.util.function.BiFunction<T, E, Long> count) {
        for (E v : values) {
            FunctionCounter.builder(name, source, s -> count.apply(s, v))
                    .tag(tag, v.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')).register(meters);
        }
    }

    private void onInbound(Inbound in) {
        Shards s = shards.get();
        if (s == null) {
            droppedBeforeReady.incrementAndGet(); // the few milliseconds between bind and wiring
            return;
        }
        if (LOG.isTraceEnabled()) {
            LOG.tracef("in %s %s from %s: %s", in.transport(), in.message().startLine(), in.remote(),
                    in.message().header(io.sipplatform.sip.message.HeaderName.CSEQ));
        }
        Handoff h = handoff;
        if (h != null && h.divert(in)) {
            return; // a response to another replica's client transaction, passed to it
        }
        if (in.message().isRequest() && in.remote().getAddress() != null && !guard.admit(in.remote().getAddress())) {
            return; // flooding source: a counted drop (sip.protect.dropped), no answer
        }
        s.dispatch(in);
    }

    private List<ListenerSettings> listeners() {
        EdgeConfig.Sip sip = config.sip();
        List<ListenerSettings> out = new ArrayList<>();
        if (sip.udpEnabled()) {
            EdgeConfig.Listener l = sip.udp();
            out.add(listener(Transport.UDP, l.host(), l.port(), l.advertisedHost(), l.advertisedPort(), null));
        }
        if (sip.tcpEnabled()) {
            EdgeConfig.Listener l = sip.tcp();
            out.add(listener(Transport.TCP, l.host(), l.port(), l.advertisedHost(), l.advertisedPort(), null));
        }
        if (sip.tlsEnabled()) {
            EdgeConfig.TlsListener l = sip.tls();
            out.add(listener(Transport.TLS, l.host(), l.port(), l.advertisedHost(), l.advertisedPort(), tls(l)));
        }
        if (sip.wsEnabled()) {
            EdgeConfig.WsListener l = sip.ws();
            out.add(listener(Transport.WS, l.host(), l.port(), l.advertisedHost(), l.advertisedPort(), null));
        }
        if (sip.wssEnabled()) {
            EdgeConfig.WssListener l = sip.wss();
            out.add(listener(Transport.WSS, l.host(), l.port(), l.advertisedHost(), l.advertisedPort(), tls(l)));
        }
        return out;
    }

    private static TlsSettings tls(EdgeConfig.Certificates c) {
        Path cert = Path.of(c.certPath().orElseThrow(() -> new IllegalStateException("TLS listener needs cert-path")));
        Path key = Path.of(c.keyPath().orElseThrow(() -> new IllegalStateException("TLS listener needs key-path")));
        Optional<Path> ca = c.clientCaPath().map(Path::of);
        return new TlsSettings(cert, key, ca.orElse(null),
                ca.isPresent() ? TlsSettings.ClientAuth.REQUIRED : TlsSettings.ClientAuth.NONE);
    }

    private static ListenerSettings listener(Transport t, String host, int port, Optional<String> advHost,
                                             Optional<Integer> advPort, TlsSettings tls) {
        return new ListenerSettings(t, host, port, advHost.orElse(null), advPort.orElse(0), tls);
    }

    /** True once listening and wired, until shutdown starts. */
    public boolean ready() {
        return ready;
    }

    /** The transports (for tests and health). */
    public SipTransports transports() {
        return transports;
    }

    /** This replica's id. */
    public String replicaId() {
        return replicaId;
    }
}
