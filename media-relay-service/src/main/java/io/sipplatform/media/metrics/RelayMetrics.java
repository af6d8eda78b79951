package io.sipplatform.media.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.sipplatform.media.events.EventGroups;
import io.sipplatform.media.relay.DropReason;
import io.sipplatform.media.relay.RelayObserver;
import io.sipplatform.media.session.Sessions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntSupplier;

/**
 * Relay meters, named media.relay.*. The per-packet counters are {@link LongAdder}s read by function counters: an
 * increment on the packet path is one uncontended add on the event loop's cell, not a walk over the composite
 * registry's children.
 */
@ApplicationScoped
public class RelayMetrics implements RelayObserver, EventGroups.Observer {
    private final MeterRegistry registry;
    private final LongAdder rtp = new LongAdder();
    private final LongAdder rtcp = new LongAdder();
    private final Counter latches;
    private final Counter timeouts;
    private final Counter expired;
    private final Map<DropReason, LongAdder> drops = new EnumMap<>(DropReason.class);

    @Inject
    public RelayMetrics(MeterRegistry registry) {
        this.registry = registry;
        FunctionCounter.builder("media.relay.packets", rtp, LongAdder::sum).tag("kind", "rtp")
                .description("Packets relayed").register(registry);
        FunctionCounter.builder("media.relay.packets", rtcp, LongAdder::sum).tag("kind", "rtcp")
                .description("Packets relayed").register(registry);
        this.latches = Counter.builder("media.relay.latches")
                .description("Party sources learned from first packets").register(registry);
        this.timeouts = Counter.builder("media.relay.timeouts").description("Media timeouts").register(registry);
        this.expired = Counter.builder("media.relay.sessions.expired")
                .description("Silent sessions nobody deleted, ended by the relay").register(registry);
        for (DropReason reason : DropReason.values()) {
            LongAdder count = new LongAdder();
            drops.put(reason, count);
            FunctionCounter.builder("media.relay.drops", count, LongAdder::sum).tag("reason", reason.tag())
                    .description("Packets not relayed").register(registry);
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

    @Override
    public void expired() {
        expired.increment();
    }

    // Subscribers without a group (every event) are tagged group="*"; group names never contain '*'.
    private static String tag(String group) {
        return group.equals(EventGroups.EVERY_EVENT) ? "*" : group;
    }

    @Override
    public void group(String group, IntSupplier members) {
        Gauge.builder("media.relay.events.subscribers", members::getAsInt).tag("group", tag(group))
                .description("WatchEvents subscribers connected").register(registry);
    }

    @Override
    public void undelivered(String group) {
        Counter.builder("media.relay.events.undelivered").tag("group", tag(group))
                .description("Events for a group with no subscriber connected").register(registry).increment();
    }

    @Override
    public void dropped(String group) {
        Counter.builder("media.relay.events.dropped").tag("group", tag(group))
                .description("Events lost to subscribers whose buffer was full or who left").register(registry)
                .increment();
    }
}
