package io.sipplatform.edge.proxy;

/**
 * Whether the edge takes new out-of-dialog work: off while draining (SIGTERM) and while a shard holds more open
 * transactions than it should (overload). Shed requests get 503 with Retry-After at once, which is cheap and tells
 * clients to try another edge; in-dialog requests, ACK and CANCEL always pass (RFC 3261 §21.5.4, DESIGN §4).
 */
public final class Admission {
    private volatile boolean draining;
    private final int maxOpenTransactionsPerShard;

    /** @param maxOpenTransactionsPerShard above it new out-of-dialog requests are shed */
    public Admission(int maxOpenTransactionsPerShard) {
        this.maxOpenTransactionsPerShard = maxOpenTransactionsPerShard;
    }

    /** Starts draining: new out-of-dialog requests are refused from now on. */
    public void drain() {
        draining = true;
    }

    public boolean draining() {
        return draining;
    }

    /** True when a new out-of-dialog request may be taken by a shard with this many open transactions. */
    boolean admits(int openTransactions) {
        return !draining && openTransactions <= maxOpenTransactionsPerShard;
    }
}
