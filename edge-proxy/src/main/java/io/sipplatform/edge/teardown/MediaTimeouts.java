package io.sipplatform.edge.teardown;

import io.sipplatform.edge.proxy.TeardownContext;
import io.sipplatform.edge.proxy.TeardownSeal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Decides what a relay event ends: a media timeout or session expiry whose teardown context verifies, names the
 * event's Call-ID and is confirmed (the call was answered) ends that call once per replica ({@link CallTeardown});
 * every other event is counted by the reason it ended nothing. Events of one relay arrive in order on one stream;
 * relays share the edge group, so another replica ending the same call is possible and harmless (a second BYE gets
 * 481, the CDR end and the delete are idempotent). Thread-safe; never blocks (the SIP work hops to the call's
 * shard).
 */
public final class MediaTimeouts {
    /** How many ended calls a replica remembers, so the same event twice ends its call once. */
    static final int REMEMBERED = 10_000;
    /** How long an ended call is remembered (longer than any relay's expiry after its timeout). */
    static final long REMEMBER_NANOS = java.time.Duration.ofHours(1).toNanos();

    private final TeardownSeal seal;
    private final CallTeardown teardown;
    private final TeardownStats stats;
    private final LongSupplier nanoTime;
    private final Map<String, Long> ended = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > REMEMBERED;
        }
    };

    /** @param nanoTime monotonic clock (for how long ended calls are remembered) */
    public MediaTimeouts(TeardownSeal seal, CallTeardown teardown, TeardownStats stats, LongSupplier nanoTime) {
        this.seal = seal;
        this.teardown = teardown;
        this.stats = stats;
        this.nanoTime = nanoTime;
    }

    /** Handles one event of a relay's stream. */
    public void onEvent(RelayEvent event) {
        stats.onReceived(event.kind());
        if (event.kind() == RelayEvent.Kind.OTHER) {
            stats.onIgnored(TeardownStats.Ignored.OTHER_EVENT);
            return;
        }
        if (event.teardown() == null || event.teardown().length == 0) {
            stats.onIgnored(TeardownStats.Ignored.NO_CONTEXT);
            return;
        }
        Optional<byte[]> payload = seal.verify(event.teardown());
        if (payload.isEmpty()) {
            stats.onIgnored(TeardownStats.Ignored.FORGED);
            return;
        }
        Optional<TeardownContext> context = TeardownSeal.decode(payload.get());
        if (context.isEmpty() || !context.get().callId().equals(event.callId())) {
            stats.onIgnored(TeardownStats.Ignored.MALFORMED);
            return;
        }
        TeardownContext c = context.get();
        if (!c.confirmed()) {
            stats.onIgnored(TeardownStats.Ignored.UNCONFIRMED);
            return;
        }
        if (!firstTime(c)) {
            if (event.kind() == RelayEvent.Kind.SESSION_EXPIRED) {
                // the relay released a session whose delete went nowhere: its statistics still belong in the CDR
                teardown.mediaStats(c.callId(), event, event.streams().apply(c.caller().tag()));
            }
            stats.onIgnored(TeardownStats.Ignored.DUPLICATE);
            return;
        }
        teardown.end(c, event);
        stats.onHandled(event.kind());
    }

    private synchronized boolean firstTime(TeardownContext c) {
        long now = nanoTime.getAsLong();
        var oldest = ended.values().iterator(); // insertion order: the expired ones are at the head
        while (oldest.hasNext() && now - oldest.next() > REMEMBER_NANOS) {
            oldest.remove();
        }
        return ended.putIfAbsent(c.callId() + "\n" + c.callee().tag(), now) == null;
    }
}
