package io.sipplatform.sip.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BoundedNonceCountTrackerTest {

    @Test
    void countMustStrictlyIncreasePerNonce() {
        BoundedNonceCountTracker tracker = new BoundedNonceCountTracker(10);
        assertTrue(tracker.accept("n", 1));
        assertFalse(tracker.accept("n", 1), "same count again");
        assertTrue(tracker.accept("n", 2));
        assertTrue(tracker.accept("n", 10), "gaps are allowed: requests may be lost or reordered away");
        assertFalse(tracker.accept("n", 9), "older count");
    }

    @Test
    void noncesAreCountedIndependently() {
        BoundedNonceCountTracker tracker = new BoundedNonceCountTracker(10);
        assertTrue(tracker.accept("a", 5));
        assertTrue(tracker.accept("b", 1));
        assertFalse(tracker.accept("a", 5));
        assertEquals(2, tracker.size());
    }

    @Test
    void leastRecentlyUsedNonceIsForgottenFirst() {
        BoundedNonceCountTracker tracker = new BoundedNonceCountTracker(2);
        assertTrue(tracker.accept("a", 1));
        assertTrue(tracker.accept("b", 1));
        assertTrue(tracker.accept("a", 2)); // a is now the most recently used
        assertTrue(tracker.accept("c", 1)); // evicts b
        assertEquals(2, tracker.size());
        assertFalse(tracker.accept("a", 2), "a is still remembered");
        assertTrue(tracker.accept("b", 1), "b was forgotten and starts afresh");
    }

    @Test
    void rejectedReplayStillKeepsTheNonceRecentlyUsed() {
        BoundedNonceCountTracker tracker = new BoundedNonceCountTracker(2);
        tracker.accept("a", 1);
        tracker.accept("b", 1);
        assertFalse(tracker.accept("a", 1)); // touches a
        tracker.accept("c", 1); // evicts b, not a
        assertFalse(tracker.accept("a", 1));
    }

    @Test
    void eachCountIsAcceptedAtMostOnceUnderConcurrentUse() throws Exception {
        BoundedNonceCountTracker tracker = new BoundedNonceCountTracker(4);
        int threads = 4;
        int counts = 2_000;
        ConcurrentHashMap<Long, AtomicInteger> acceptedCounts = new ConcurrentHashMap<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    start.await();
                    for (long nc = 1; nc <= counts; nc++) {
                        if (tracker.accept("shared", nc)) {
                            acceptedCounts.computeIfAbsent(nc, k -> new AtomicInteger()).incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : done) {
                future.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertTrue(acceptedCounts.values().stream().allMatch(n -> n.get() == 1), "no count accepted twice");
        assertTrue(acceptedCounts.containsKey((long) counts), "the highest count got through once");
        assertFalse(tracker.accept("shared", counts));
    }

    @Test
    void noneAcceptsEverything() {
        assertTrue(NonceCountTracker.NONE.accept("n", 1));
        assertTrue(NonceCountTracker.NONE.accept("n", 1));
    }

    @Test
    void capacityBelowOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new BoundedNonceCountTracker(0));
    }
}
