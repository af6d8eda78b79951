package io.sipplatform.media.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sipplatform.media.relay.DropReason;
import org.junit.jupiter.api.Test;

class RelayMetricsTest {

    @Test
    void dropsAreCountedByReasonAndPacketsByKind() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        RelayMetrics metrics = new RelayMetrics(registry);
        metrics.dropped(DropReason.UNEXPECTED_SOURCE);
        metrics.dropped(DropReason.UNEXPECTED_SOURCE);
        metrics.dropped(DropReason.NO_DESTINATION);
        metrics.relayed(false);
        metrics.relayed(true);
        metrics.relayed(false);
        metrics.latched();
        metrics.timedOut();
        assertEquals(2, registry.get("media.relay.drops").tag("reason", "unexpected-source").counter().count());
        assertEquals(1, registry.get("media.relay.drops").tag("reason", "no-destination").counter().count());
        assertEquals(0, registry.get("media.relay.drops").tag("reason", "malformed").counter().count());
        assertEquals(2, registry.get("media.relay.packets").tag("kind", "rtp").counter().count());
        assertEquals(1, registry.get("media.relay.packets").tag("kind", "rtcp").counter().count());
        assertEquals(1, registry.get("media.relay.latches").counter().count());
        assertEquals(1, registry.get("media.relay.timeouts").counter().count());
    }
}
