package io.sipplatform.routing.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class SlotLimitsTest {
    private static final Instant T0 = Instant.parse("2026-11-21T12:00:00.250Z");
    private final MapSlotStore store = new MapSlotStore();
    private final SlotLimits limits = new SlotLimits(store, Duration.ofHours(1), PerThreadRandom.INSTANCE);

    private CallLimits.Admission admit(TrunkLimits trunkLimits, Instant now) {
        return limits.admit("t1", trunkLimits, true, now);
    }

    @Test
    void twoNSimultaneousCallsForLimitNAdmitExactlyN() throws Exception {
        int n = 20;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<CallLimits.Admission>> results = new ArrayList<>();
            for (int i = 0; i < 2 * n; i++) {
                Callable<CallLimits.Admission> call = () -> {
                    start.await();
                    return admit(new TrunkLimits(n, 0), T0);
                };
                results.add(pool.submit(call));
            }
            start.countDown();
            int admitted = 0;
            for (Future<CallLimits.Admission> result : results) {
                admitted += result.get() instanceof CallLimits.Admitted ? 1 : 0;
            }
            assertEquals(n, admitted);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void releasedLeaseFreesItsSlotOnce() {
        Lease lease = ((CallLimits.Admitted) admit(new TrunkLimits(1, 0), T0)).lease();
        assertInstanceOf(CallLimits.Refused.class, admit(new TrunkLimits(1, 0), T0));
        assertTrue(limits.release(lease.id(), T0));
        assertFalse(limits.release(lease.id(), T0), "a second release is a no-op");
        assertInstanceOf(CallLimits.Admitted.class, admit(new TrunkLimits(1, 0), T0));
    }

    @Test
    void leaseWhoseReleaseWasLostExpiresAndItsSlotIsTakenOver() {
        Lease lost = ((CallLimits.Admitted) admit(new TrunkLimits(1, 0), T0)).lease();
        assertEquals(T0.plus(Duration.ofHours(1)), lost.expiresAt());
        assertInstanceOf(CallLimits.Refused.class, admit(new TrunkLimits(1, 0), T0.plusSeconds(3599)));
        assertInstanceOf(CallLimits.Admitted.class, admit(new TrunkLimits(1, 0), lost.expiresAt()));
        assertFalse(limits.release(lost.id(), lost.expiresAt()), "the late release finds another call's lease");
    }

    @Test
    void cpsAllowsMPerSecondAndOpensAgainNextSecond() {
        TrunkLimits threePerSecond = new TrunkLimits(0, 3);
        for (int i = 0; i < 3; i++) {
            assertInstanceOf(CallLimits.Admitted.class, admit(threePerSecond, T0.plusMillis(i * 100)));
        }
        CallLimits.Refused refused = assertInstanceOf(CallLimits.Refused.class,
                admit(threePerSecond, T0.plusMillis(700)));
        assertEquals(RejectCause.CPS_LIMIT, refused.cause());
        assertInstanceOf(CallLimits.Admitted.class, admit(threePerSecond, T0.plusMillis(750)));
    }

    @Test
    void inboundCallsDoNotCountTowardsCps() {
        TrunkLimits onePerSecond = new TrunkLimits(0, 1);
        for (int i = 0; i < 3; i++) {
            assertInstanceOf(CallLimits.Admitted.class, limits.admit("t1", onePerSecond, false, T0));
        }
    }

    @Test
    void unlimitedTrunkGetsNoLease() {
        assertEquals(new CallLimits.Admitted(null), admit(TrunkLimits.NONE, T0));
        assertTrue(store.entries.isEmpty());
    }

    @Test
    void foreignOrGarbledLeaseIdsReleaseNothing() {
        for (String id : new String[] {null, "", "x", "a/b", "/0/x", "t1/0/"}) {
            assertFalse(limits.release(id, T0), String.valueOf(id));
        }
    }
}
