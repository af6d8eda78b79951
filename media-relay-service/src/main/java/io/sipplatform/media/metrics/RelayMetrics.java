package io.sipplatform.media.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.sipplatform.media.relay.DropReason;
import io.sipplatform.media.relay.RelayObserver;
import io.sipplatform.media.session.Sessions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.EnumMap;
import java.util.Map;

/** Relay meters, named media.relay.*; counters are bound once so the packet path only increments. */
@ApplicationScoped
public class RelayMetrics implements RelayObserver {
    private final MeterRegistry registry;
    private final Counter rtp;
    private final Counter rtcp;
    private final Counter latches;
    private final Counter timeouts;
    private final Map<DropReason, Counter> drops = new EnumMap<>(DropReason.class);

    @Inject
    public RelayMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.rtp = Counter.builder("media.relay.packets").tag("kind", "rtp")
                .description("Packets relayed").register(registry);
        this.rtcp = Counter.builder("media.relay.packets").tag("kind", "rtcp")
                .description("Packets relayed").register(registry);
        this.latches = Counter.builder("media.relay.latches")
                .description("Party sources learned from first packets").register(registry);
        this.timeouts = Counter.builder("media.relay.timeouts").description("Media timeouts").register(registry);
        for (DropReason reason : DropReason.values()) {
            drops.put(reason, Counter.builder("media.relay.drops").tag("reason", reason.tag())
                    .description("Packets not relayed").register(registry));
        }
    }

    /** Registers the gauges that read {@code sessions}, and which transport the sockets use. */
    public void watch(Sessions sessions, boolean nativeTransport) {
        Gauge.builder("media.relay.native.transport", () -> nativeTransport ? 1 : 0)
                .description("1 when the RTP sockets use native epoll, 0 for NIO").register(registry);
        Gauge.builder("media.relay.sessions", sessions, Sessions::size).description("Active sessions")
                .register(registry);
        Gauge.builder("media.relay.ports.free", sessions, s -> 2.0 * s.ports().freePairs())
                .description("Ports free to allocate").register(registry);
        Gauge.builder("media.relay.ports.quarantined", sessions, s -> 2.0 * s.ports().quarantinedPairs())
                .description("Ports resting before reuse").register(registry);
        Gauge.builder("media.relay.ports.in_use", sessions,
                        s -> 2.0 * (s.ports().totalPairs() - s.ports().freePairs() - s.ports().quarantinedPairs()))
                .description("Ports held by sessions").register(registry);
        Gauge.builder("media.relay.draining", sessions, s -> s.draining() ? 1 : 0)
                .description("1 while draining").register(registry);
    }

    @Override
    public void relayed(boolean isRtcp) {
        (isRtcp ? rtcp : rtp).increment();
    }

    @Override
    public void dropped(DropReason reason) {
        drops.get(reason).increment();
    }

    @Override
    public void latched() {
        latches.increment();
    }

    @Override
    public void timedOut() {
        timeouts.increment();
    }
}
