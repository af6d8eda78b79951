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
        assertEquals(2, count(registry, "media.relay.drops", "reason", "unexpected-source"));
        assertEquals(1, count(registry, "media.relay.drops", "reason", "no-destination"));
        assertEquals(0, count(registry, "media.relay.drops", "reason", "malformed"));
        assertEquals(2, count(registry, "media.relay.packets", "kind", "rtp"));
        assertEquals(1, count(registry, "media.relay.packets", "kind", "rtcp"));
        assertEquals(1, registry.get("media.relay.latches").counter().count());
        assertEquals(1, registry.get("media.relay.timeouts").counter().count());
    }

    // packet and drop counts are function counters over LongAdders
    private static double count(SimpleMeterRegistry registry, String name, String tag, String value) {
        return registry.get(name).tag(tag, value).functionCounter().count();
    }
}
