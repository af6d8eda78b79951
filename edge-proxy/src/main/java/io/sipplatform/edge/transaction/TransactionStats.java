package io.sipplatform.edge.transaction;

/**
 * Counters of one {@link TransactionLayer}, for the metrics layer. Plain fields written only on the layer's
 * thread; a reader on another thread (a metrics scrape) may see slightly stale values, which is acceptable for
 * counters and gauges.
 */
public final class TransactionStats {
    long serverTransactionsCreated;
    long clientTransactionsCreated;
    long retransmissionsSent;
    long retransmissionsAbsorbed;
    long timeouts;
    long noAckTimeouts;
    long transportErrors;
    long strayResponses;
    long unreadable;
    int openInviteServer;
    int openNonInviteServer;
    int openInviteClient;
    int openNonInviteClient;

    TransactionStats() {
    }

    /** Server transactions created by new requests. */
    public long serverTransactionsCreated() {
        return serverTransactionsCreated;
    }

    /** Client transactions created by {@link TransactionLayer#sendRequest}, CANCELs included. */
    public long clientTransactionsCreated() {
        return clientTransactionsCreated;
    }

    /**
     * Messages the layer sent again: requests on Timers A and E, responses on Timer G or on a retransmitted request,
     * and ACKs for retransmitted non-2xx finals.
     */
    public long retransmissionsSent() {
        return retransmissionsSent;
    }

    /** Retransmitted requests, ACKs and responses a transaction absorbed instead of passing them up. */
    public long retransmissionsAbsorbed() {
        return retransmissionsAbsorbed;
    }

    /** Client transactions ended by Timer B or F. */
    public long timeouts() {
        return timeouts;
    }

    /** INVITE server transactions ended by Timer H (no ACK for a non-2xx final response). */
    public long noAckTimeouts() {
        return noAckTimeouts;
    }

    /** Sends the transport reported as failed while a transaction could still act on it. */
    public long transportErrors() {
        return transportErrors;
    }

    /** Responses that matched no client transaction. */
    public long strayResponses() {
        return strayResponses;
    }

    /** Messages dropped to {@link TransactionUser#onMalformed} because their transaction headers did not parse. */
    public long unreadable() {
        return unreadable;
    }

    /** Open INVITE server transactions. */
    public int openInviteServer() {
        return openInviteServer;
    }

    /** Open non-INVITE server transactions. */
    public int openNonInviteServer() {
        return openNonInviteServer;
    }

    /** Open INVITE client transactions. */
    public int openInviteClient() {
        return openInviteClient;
    }

    /** Open non-INVITE client transactions. */
    public int openNonInviteClient() {
        return openNonInviteClient;
    }

    /** All open transactions. */
    public int open() {
        return openInviteServer + openNonInviteServer + openInviteClient + openNonInviteClient;
    }
}
