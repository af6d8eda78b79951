package io.sipplatform.edge.transaction;

/** Why a server transaction ended, as {@link TransactionUser#onTerminated} reports it. */
public enum TerminationCause {
    /** The state machine ran its course: Timer I, J or L fired, or their zero value on a reliable transport. */
    NORMAL,
    /** Timer H fired: no ACK came for the non-2xx final response (RFC 3261 §17.2.1). */
    TIMER_H,
    /** The transport could not send a response (RFC 3261 §17.2.4). */
    TRANSPORT_ERROR
}
