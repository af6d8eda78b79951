package io.sipplatform.edge.proxy;

/**
 * Whether the edge takes new out-of-dialog work: off while draining (SIGTERM) and while a shard holds more open
 * transactions than it should (overload). Shed requests get 503 with Retry-After at once, which is cheap and tells
 * clients to try another edge; in-dialog requests, ACK and CANCEL always pass (RFC 3261 §21.5.4, DESIGN §4).
 */
public final class Admission {
    private volatile boolean draining;
    private final int maxOpenTransactionsPerShard;
    private final CallRate callRate;

    /** @param maxOpenTransactionsPerShard above it new out-of-dialog requests are shed */
    public Admission(int maxOpenTransactionsPerShard) {
        this(maxOpenTransactionsPerShard, 0, System::nanoTime);
    }

    /**
     * @param maxOpenTransactionsPerShard above it new out-of-dialog requests are shed
     * @param maxCallsPerSecond           new INVITEs taken per second over the whole edge (a token bucket holding
     *                                    one second's worth); 0 for no limit
     * @param nanos                       monotonic clock
     */
    public Admission(int maxOpenTransactionsPerShard, int maxCallsPerSecond, java.util.function.LongSupplier nanos) {
        this.maxOpenTransactionsPerShard = maxOpenTransactionsPerShard;
        this.callRate = maxCallsPerSecond > 0 ? new CallRate(maxCallsPerSecond, nanos) : null;
    }

    /** Starts draining: new out-of-dialog requests are refused from now on. */
    public void drain() {
        draining = true;
    }

    public boolean draining() {
        return draining;
    }

    /**
     * True when a new out-of-dialog request with this method may be taken: never while draining; OPTIONS always
     * otherwise (pings must keep flowing under load); others while the shard is below its open-transaction bound,
     * and an INVITE only within the call rate. Shedding the surplus at once keeps the admitted calls completing.
     */
    boolean admits(int openTransactions, io.sipplatform.sip.message.SipMethod method) {
        if (draining) {
            return false;
        }
        if (method.equals(io.sipplatform.sip.message.SipMethod.OPTIONS)) {
            return true;
        }
        if (openTransactions > maxOpenTransactionsPerShard) {
            return false;
        }
        return callRate == null || !method.equals(io.sipplatform.sip.message.SipMethod.INVITE)
                || callRate.take();
    }

    /** A token bucket of new calls, refilled continuously, holding at most one second's worth. */
    private static final class CallRate {
        private final double perNano;
        private final double capacity;
        private final java.util.function.LongSupplier nanos;
        private double tokens;
        private long last;

        CallRate(int perSecond, java.util.function.LongSupplier nanos) {
            this.perNano = perSecond / 1e9;
            this.capacity = perSecond;
            this.nanos = nanos;
            this.tokens = perSecond;
            this.last = nanos.getAsLong();
        }

        synchronized boolean take() {
            long now = nanos.getAsLong();
            tokens = Math.min(capacity, tokens + (now - last) * perNano);
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                return true;
            }
            return false;
        }
    }
}
