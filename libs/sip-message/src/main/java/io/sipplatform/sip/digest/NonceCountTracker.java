package io.sipplatform.sip.digest;

/**
 * Replay protection for digest responses with qop (RFC 7616 §3.4, nc): a nonce count a client already used with a
 * nonce must not be accepted again. Stateless nonces cannot carry this state, so it lives behind this hook: a single
 * node uses {@link BoundedNonceCountTracker}, a registrar cluster its own shared implementation.
 *
 * <p>The verifier consults the tracker only after the response proved the client knows the HA1, so a forger cannot
 * burn counts of a legitimate client. Retransmissions of one request must be absorbed by the transaction layer
 * before they reach the verifier, or they count as replays.
 */
@FunctionalInterface
public interface NonceCountTracker {

    /** Accepts every count: no replay protection within a nonce's lifetime. For tests and trusted links. */
    NonceCountTracker NONE = (nonce, nc) -> true;

    /**
     * Records that {@code nc} was used with {@code nonce}.
     *
     * @param nonce an authentic nonce (MAC verified)
     * @param nc    the nonce count, 1 to 0xFFFFFFFF
     * @return false when this use is a replay and the request must not be authenticated
     */
    boolean accept(String nonce, long nc);
}
