package io.sipplatform.edge.teardown;

import java.util.concurrent.atomic.AtomicLongArray;

/** Counters of media events and the calls they ended, for metrics. Thread-safe. */
public final class TeardownStats {

    /** Why an event ended no call. */
    public enum Ignored {
        /** Not a media timeout or session expiry (e.g. first packet). */
        OTHER_EVENT,
        /** The relay returned no teardown context (a call from before this feature, or one too large to send). */
        NO_CONTEXT,
        /** The context's MAC does not verify under any route secret: forged, altered or from another cluster. */
        FORGED,
        /** Verified but not readable by this version, or naming another Call-ID than the event. */
        MALFORMED,
        /** The call was not answered when the context was stored (its INVITE may still be cancelled). */
        UNCONFIRMED,
        /** This replica ended the call already (the event came twice). */
        DUPLICATE
    }

    /** What became of one BYE the edge sent. */
    public enum Bye {
        /** A 2xx. */
        ANSWERED,
        /** A final response above 299 (481: the party had ended the dialog already). */
        REJECTED,
        /** No final response (Timer F). */
        TIMEOUT,
        /** The transport could not send it (connection gone, no route). */
        TRANSPORT_ERROR,
        /** No remote target or next hop to send it to. */
        UNROUTABLE
    }

    private final AtomicLongArray received = new AtomicLongArray(RelayEvent.Kind.values().length);
    private final AtomicLongArray handled = new AtomicLongArray(RelayEvent.Kind.values().length);
    private final AtomicLongArray ignored = new AtomicLongArray(Ignored.values().length);
    private final AtomicLongArray byes = new AtomicLongArray(Bye.values().length);

    void onReceived(RelayEvent.Kind kind) {
        received.incrementAndGet(kind.ordinal());
    }

    void onHandled(RelayEvent.Kind kind) {
        handled.incrementAndGet(kind.ordinal());
    }

    void onIgnored(Ignored reason) {
        ignored.incrementAndGet(reason.ordinal());
    }

    void onBye(Bye outcome) {
        byes.incrementAndGet(outcome.ordinal());
    }

    /** Events received, by kind. */
    public long received(RelayEvent.Kind kind) {
        return received.get(kind.ordinal());
    }

    /** Events that ended a call, by kind. */
    public long handled(RelayEvent.Kind kind) {
        return handled.get(kind.ordinal());
    }

    /** Events that ended no call, by reason. */
    public long ignored(Ignored reason) {
        return ignored.get(reason.ordinal());
    }

    /** BYEs by outcome. */
    public long byes(Bye outcome) {
        return byes.get(outcome.ordinal());
    }
}
