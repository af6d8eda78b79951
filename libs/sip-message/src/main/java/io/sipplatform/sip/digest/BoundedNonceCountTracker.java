package io.sipplatform.sip.digest;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A single-node {@link NonceCountTracker}: per nonce the highest count seen, and a count is accepted only when it is
 * strictly higher (RFC 7616 §3.4: the client increments nc for each request with the same nonce). Holds at most
 * {@code maxNonces} nonces and evicts the least recently used; an evicted nonce starts afresh, which reopens replay
 * for it until it turns stale, so size it above the number of nonces in use during one nonce lifetime. Thread-safe.
 */
public final class BoundedNonceCountTracker implements NonceCountTracker {
    private final Map<String, Long> highestCount;

    /** @param maxNonces how many nonces are remembered, at least 1; each costs about 150 bytes */
    public BoundedNonceCountTracker(int maxNonces) {
        if (maxNonces < 1) {
            throw new IllegalArgumentException("maxNonces must be at least 1: " + maxNonces);
        }
        this.highestCount = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
                return size() > maxNonces;
            }
        };
    }

    @Override
    public boolean accept(String nonce, long nc) {
        synchronized (highestCount) {
            Long highest = highestCount.get(nonce); // access order: a nonce in use stays
            if (highest != null && nc <= highest) {
                return false;
            }
            highestCount.put(nonce, nc);
            return true;
        }
    }

    /** How many nonces are remembered now. */
    public int size() {
        synchronized (highestCount) {
            return highestCount.size();
        }
    }
}
