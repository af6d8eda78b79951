package io.sipplatform.edge.transaction;

/**
 * States of the four transaction state machines (RFC 3261 §17.1.1, §17.1.2, §17.2.1, §17.2.2; RFC 6026 adds
 * {@link #ACCEPTED}). Each machine uses a subset:
 * <ul>
 *   <li>INVITE client: CALLING, PROCEEDING, COMPLETED, ACCEPTED, TERMINATED</li>
 *   <li>non-INVITE client: TRYING, PROCEEDING, COMPLETED, TERMINATED</li>
 *   <li>INVITE server: PROCEEDING, COMPLETED, CONFIRMED, ACCEPTED, TERMINATED</li>
 *   <li>non-INVITE server: TRYING, PROCEEDING, COMPLETED, TERMINATED</li>
 * </ul>
 */
public enum TransactionState {
    CALLING,
    TRYING,
    PROCEEDING,
    COMPLETED,
    CONFIRMED,
    ACCEPTED,
    TERMINATED
}
