package io.sipplatform.cdr.domain;

import java.util.Comparator;
import java.util.Objects;

/**
 * Identity of one call event: Call-ID of the caller's INVITE, leg (0 = caller's leg and the call as a whole, n = the
 * n-th outbound branch) and sequence within the leg. Two events with the same key are the same event (a replay).
 * Sequence 0 on leg 0 is reserved for the service's own orphan closing; the edge numbers from 1.
 */
public record EventKey(String callId, int leg, int sequence) implements Comparable<EventKey> {
    /** Longest Call-ID accepted; longer ones are a caller bug, not a call. */
    public static final int MAX_CALL_ID_LENGTH = 256;

    private static final Comparator<EventKey> ORDER = Comparator.comparing(EventKey::callId)
            .thenComparingInt(EventKey::leg).thenComparingInt(EventKey::sequence);

    public EventKey {
        Objects.requireNonNull(callId, "callId");
        if (callId.isBlank() || callId.length() > MAX_CALL_ID_LENGTH) {
            throw new IllegalArgumentException("call id must be 1.." + MAX_CALL_ID_LENGTH + " characters");
        }
        if (leg < 0 || sequence < 0) {
            throw new IllegalArgumentException("leg and sequence must not be negative");
        }
    }

    /** The key of the service's orphan-closing event of a call. */
    public static EventKey orphanClosing(String callId) {
        return new EventKey(callId, 0, 0);
    }

    @Override
    public int compareTo(EventKey other) {
        return ORDER.compare(this, other);
    }
}
