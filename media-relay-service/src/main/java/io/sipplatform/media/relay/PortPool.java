package io.sipplatform.media.relay;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Even/odd UDP port pairs from a range (RTP on the even port, RTCP on the next, RFC 3550 §11). A released pair
 * rests in quarantine before reuse so that late packets of an ended call never reach the next one. Thread-safe.
 */
public final class PortPool {
    private record Resting(int port, Instant until) {
    }

    private final InstantSource clock;
    private final Duration quarantine;
    private final Deque<Integer> free = new ArrayDeque<>();
    private final Deque<Resting> resting = new ArrayDeque<>();
    private final int totalPairs;

    /** Pairs from {@code min} (rounded up to even) to {@code max} inclusive, whole pairs only. */
    public PortPool(int min, int max, Duration quarantine, InstantSource clock) {
        if (min < 1 || max > 65535 || min > max) {
            throw new IllegalArgumentException("port range must be within 1-65535 and min <= max: " + min + "-" + max);
        }
        this.clock = clock;
        this.quarantine = quarantine;
        int first = min % 2 == 0 ? min : min + 1;
        for (int port = first; port + 1 <= max; port += 2) {
            free.addLast(port);
        }
        this.totalPairs = free.size();
    }

    /** {@code pairs} even RTP ports, all or nothing; null when fewer are free. */
    public synchronized List<Integer> allocate(int pairs) {
        releaseRested();
        if (pairs > free.size()) {
            return null;
        }
        List<Integer> out = new ArrayList<>(pairs);
        for (int i = 0; i < pairs; i++) {
            out.add(free.pollFirst());
        }
        return out;
    }

    /** Returns a pair (by its even port) to the pool after the quarantine. */
    public synchronized void release(int evenPort) {
        if (quarantine.isZero() || quarantine.isNegative()) {
            free.addLast(evenPort);
        } else {
            resting.addLast(new Resting(evenPort, clock.instant().plus(quarantine)));
        }
    }

    /** Pairs free to allocate now. */
    public synchronized int freePairs() {
        releaseRested();
        return free.size();
    }

    /** Pairs in quarantine. */
    public synchronized int quarantinedPairs() {
        releaseRested();
        return resting.size();
    }

    /** Pairs in the range. */
    public int totalPairs() {
        return totalPairs;
    }

    // Release order equals expiry order (one quarantine length), so the queue head is always the earliest.
    private void releaseRested() {
        Instant now = clock.instant();
        while (!resting.isEmpty() && !resting.peekFirst().until().isAfter(now)) {
            free.addLast(resting.pollFirst().port());
        }
    }
}
