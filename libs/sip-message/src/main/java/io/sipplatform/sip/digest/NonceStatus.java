package io.sipplatform.sip.digest;

/** What {@link NonceCodec#check} found out about a nonce. */
public enum NonceStatus {
    /** Issued by us for this realm, within its lifetime. */
    VALID,
    /**
     * Issued by us for this realm (the MAC verifies) but older than the lifetime, or dated further in the future than
     * the allowed clock skew between replicas: the client may retry with a fresh nonce (RFC 7616 §3.3 stale=true).
     */
    STALE,
    /** Not ours: wrong length or encoding, MAC under none of the accepted secrets, or issued for another realm. */
    INVALID
}
