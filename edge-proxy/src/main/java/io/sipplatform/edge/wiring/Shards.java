package io.sipplatform.edge.wiring;

import io.sipplatform.edge.proxy.ProxyCore;
import io.sipplatform.edge.transaction.TransactionLayer;
import io.sipplatform.edge.transport.Inbound;
import io.sipplatform.sip.message.HeaderName;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

import java.util.function.IntFunction;

/**
 * Spreads SIP work over event loops by Call-ID: every message of a call lands on the same shard, whose transaction
 * layer and proxy core are single-threaded (no locks), and different calls use all cores.
 */
public final class Shards {

    /** One shard: its event-loop context and the single-threaded SIP state on it. */
    public record Shard(Context context, TransactionLayer layer, ProxyCore core) {
    }

    private final Shard[] shards;

    /**
     * @param vertx   the managed Vert.x
     * @param count   number of shards
     * @param factory builds a shard's layer and core given its context (called on the current thread)
     */
    public Shards(Vertx vertx, int count, IntFunction<Shard> factory) {
        shards = new Shard[count];
        for (int i = 0; i < count; i++) {
            shards[i] = factory.apply(i);
        }
    }

    /** Creates event-loop contexts round-robin over Vert.x's loops (call from a non-Vert.x thread). */
    public static Context newEventLoopContext(Vertx vertx) {
        return vertx.getOrCreateContext();
    }

    /** Runs the message on its call's shard: directly when already there, else by a hop to that event loop. */
    public void dispatch(Inbound in) {
        Shard s = shards[indexOf(in)];
        if (Vertx.currentContext() == s.context()) {
            handle(s, in);
        } else {
            s.context().runOnContext(v -> handle(s, in));
        }
    }

    private static void handle(Shard s, Inbound in) {
        if (in.message().isRequest()) {
            s.layer().onRequest(in);
        } else {
            s.layer().onResponse(in);
        }
    }

    private int indexOf(Inbound in) {
        return indexOf(in.message().header(HeaderName.CALL_ID));
    }

    private int indexOf(String callId) {
        int h = callId == null ? 0 : callId.hashCode();
        return Math.floorMod(h ^ (h >>> 16), shards.length);
    }

    /** Runs a task on the shard that owns a Call-ID (e.g. to start a client transaction whose responses land there). */
    public void onShard(String callId, java.util.function.Consumer<TransactionLayer> task) {
        Shard s = shards[indexOf(callId)];
        if (Vertx.currentContext() == s.context()) {
            task.accept(s.layer());
        } else {
            s.context().runOnContext(v -> task.accept(s.layer()));
        }
    }

    /** All shards (for stats and drain). */
    public Shard[] all() {
        return shards.clone();
    }

    /** Requests still waiting for a final response over all shards (an estimate: read without hopping). */
    public int openCalls() {
        int n = 0;
        for (Shard s : shards) {
            n += s.core().openCalls();
        }
        return n;
    }

    /** Open transactions over all shards (read without hopping: an estimate for drain and health). */
    public int openTransactions() {
        int n = 0;
        for (Shard s : shards) {
            n += s.layer().openTransactions();
        }
        return n;
    }
}
