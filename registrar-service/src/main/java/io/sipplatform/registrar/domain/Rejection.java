package io.sipplatform.registrar.domain;

/**
 * Every reason the registrar refuses a REGISTER, with the SIP status it is answered with: the one table of failure
 * reasons to codes. The set of reasons is ours and closed; the codes are plain numbers.
 */
public enum Rejection {
    /** RFC 3261 §10.3 step 1: the Request-URI names a domain this registrar does not serve. */
    DOMAIN_NOT_SERVED(403, "Domain Not Served"),
    /** RFC 3261 §10.3 step 2, §8.2.2.3: a Require option tag we do not support; listed in Unsupported. */
    BAD_EXTENSION(420, "Bad Extension"),
    /** RFC 3261 §22.4: Authorization parameters that are missing, malformed or of an unknown algorithm. */
    MALFORMED_CREDENTIALS(400, "Malformed Authorization"),
    /** RFC 7616 §3.4.6: the digest uri does not name the Request-URI. */
    DIGEST_URI_MISMATCH(400, "Digest URI Mismatch"),
    /** Brute-force protection: too many failed authentications from this source address. */
    SOURCE_BANNED(403, "Forbidden"),
    /** Brute-force protection: too many failed authentications for this account. */
    ACCOUNT_BANNED(403, "Forbidden"),
    /** RFC 3261 §10.3 step 4: the authenticated account may not change this AOR's bindings. */
    NOT_AUTHORIZED_FOR_AOR(403, "Forbidden"),
    /** The credential store could not be asked (routing-service down or slow); the UA may retry. */
    CREDENTIALS_UNAVAILABLE(503, "Service Unavailable"),
    /** RFC 3261 §10.3 step 5: the AOR does not belong to the Request-URI's domain. */
    AOR_NOT_IN_DOMAIN(404, "Not Found"),
    /** RFC 3261 §10.3 step 6: "Contact: *" together with other contacts. */
    WILDCARD_WITH_OTHER_CONTACTS(400, "Invalid Wildcard Contact"),
    /** RFC 3261 §10.3 step 6: "Contact: *" with an expiration other than zero (or no Expires header). */
    WILDCARD_WITH_NONZERO_EXPIRES(400, "Invalid Wildcard Expires"),
    /** RFC 3261 §10.3 step 6: a Contact that is not a URI. */
    INVALID_CONTACT(400, "Invalid Contact"),
    /** RFC 5626 §6: more than one Contact with +sip.instance and reg-id in one REGISTER. */
    MULTIPLE_FLOWS(400, "Multiple reg-id Contacts"),
    /** RFC 5626 §6: outbound asked for (reg-id, Supported: outbound) but the first hop's Path lacks "ob". */
    FIRST_HOP_LACKS_OUTBOUND(439, "First Hop Lacks Outbound Support"),
    /** RFC 3261 §10.3 step 7: a non-zero expiry below the minimum; Min-Expires is sent. */
    INTERVAL_TOO_BRIEF(423, "Interval Too Brief"),
    /** RFC 3261 §10.3 step 7: same Call-ID with a CSeq not above the stored one, an out-of-order request. */
    OUT_OF_ORDER(500, "Out of Order Request"),
    /**
     * The request would leave more live bindings than the per-AOR limit. 403, not 503: the refusal is policy, a
     * retry cannot succeed, and 503 would send the UA to another registrar (RFC 3263).
     */
    TOO_MANY_CONTACTS(403, "Too Many Registered Contacts"),
    /** RFC 3261 §10.3 step 7: the binding update could not be committed; nothing was changed. */
    STORE_FAILED(500, "Server Internal Error");

    private final int code;
    private final String phrase;

    Rejection(int code, String phrase) {
        this.code = code;
        this.phrase = phrase;
    }

    /** SIP status code, 400..699. */
    public int code() {
        return code;
    }

    /** Reason-Phrase to send. */
    public String phrase() {
        return phrase;
    }
}
