package io.sipplatform.cdr.domain;

import java.util.Objects;

/**
 * One thing that happened to a call, as observed by an edge replica at {@code time} (the edge's clock). The key
 * identifies it; every other field of a replay is ignored.
 */
public record CallEvent(EventKey key, String edgeId, String site, java.time.Instant time, String decisionId,
        EventBody body) {
    public CallEvent {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(body, "body");
        edgeId = edgeId == null ? "" : edgeId;
        site = site == null ? "" : site;
        decisionId = decisionId == null ? "" : decisionId;
        boolean orphanKey = key.leg() == 0 && key.sequence() == 0;
        if (orphanKey != body instanceof EventBody.OrphanClosed) {
            throw new IllegalArgumentException("sequence 0 of leg 0 is reserved for orphan closing");
        }
    }

    /** Call-ID of the call this event belongs to. */
    public String callId() {
        return key.callId();
    }
}
