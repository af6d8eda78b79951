package io.sipplatform.media.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashSet;
import java.util.List;

class PortPoolTest {
    private Instant now = Instant.parse("2026-11-21T10:00:00Z");
    private final InstantSource clock = () -> now;

    @Test
    void pairsStartOnEvenPortsInsideTheRange() {
        PortPool pool = new PortPool(30001, 30010, Duration.ZERO, clock);
        assertEquals(4, pool.totalPairs()); // 30002, 30004, 30006, 30008 (30010 has no odd partner in range)
        List<Integer> ports = pool.allocate(4);
        assertEquals(List.of(30002, 30004, 30006, 30008), ports);
    }

    @Test
    void allocationIsAllOrNothing() {
        PortPool pool = new PortPool(30000, 30005, Duration.ZERO, clock);
        assertNull(pool.allocate(4));
        assertEquals(3, pool.freePairs());
        assertEquals(3, pool.allocate(3).size());
        assertNull(pool.allocate(1));
    }

    @Test
    void releasedPairRestsInQuarantineBeforeReuse() {
        PortPool pool = new PortPool(30000, 30001, Duration.ofSeconds(10), clock);
        int port = pool.allocate(1).get(0);
        pool.release(port);
        assertNull(pool.allocate(1));
        assertEquals(1, pool.quarantinedPairs());
        now = now.plusSeconds(9);
        assertNull(pool.allocate(1));
        now = now.plusSeconds(1);
        assertEquals(List.of(port), pool.allocate(1));
    }

    @Test
    void withoutQuarantineAReleasedPairIsFreeAtOnce() {
        PortPool pool = new PortPool(30000, 30001, Duration.ZERO, clock);
        pool.release(pool.allocate(1).get(0));
        assertEquals(1, pool.freePairs());
    }

    @Test
    void freshPairsAreHandedOutBeforeRecentlyReleasedOnes() {
        PortPool pool = new PortPool(30000, 30099, Duration.ZERO, clock);
        int first = pool.allocate(1).get(0);
        pool.release(first);
        var seen = new HashSet<Integer>();
        for (int i = 0; i < 49; i++) {
            seen.add(pool.allocate(1).get(0));
        }
        assertTrue(!seen.contains(first));
    }

    @Test
    void invalidRangeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new PortPool(40000, 30000, Duration.ZERO, clock));
        assertThrows(IllegalArgumentException.class, () -> new PortPool(0, 10, Duration.ZERO, clock));
    }
}
