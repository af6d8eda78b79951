package io.sipplatform.routing.domain;

/**
 * Why routing rejects a request, and the SIP answer each reason gets: the one table of failure reasons (one test per
 * row in RejectCauseTest). A closed set of routing's own verdicts, hence an enum; the SIP code it carries is an
 * ordinary number. Q.850 causes follow RFC 3398 §8.2.6.1 in reverse (the cause an ISUP gateway maps to that code).
 */
public enum RejectCause {
    /** Proxy-Authorization could not be read, or its digest-uri is not the Request-URI (RFC 7616 §3.4.6). */
    MALFORMED_CREDENTIALS(400, "Bad Request", 0),
    /** An IP-authenticated trunk sent over a transport it is not provisioned for. */
    TRANSPORT_NOT_ALLOWED(403, "Transport Not Allowed", 21),
    /** The customer is disabled. */
    CUSTOMER_DISABLED(403, "Customer Disabled", 21),
    /** The trunk is disabled. */
    TRUNK_DISABLED(403, "Trunk Disabled", 21),
    /** The caller ID is not one the trunk may present and its policy is REJECT. */
    CALLER_ID_NOT_ALLOWED(403, "Caller ID Not Allowed", 21),
    /** The destination matches a BLOCK rule, or allow rules exist and none matches. */
    DESTINATION_BLOCKED(403, "Destination Blocked", 21),
    /** An international destination on a trunk without international calling. */
    INTERNATIONAL_BLOCKED(403, "International Calls Not Allowed", 21),
    /** A premium-rate destination on a trunk without premium calling. */
    PREMIUM_BLOCKED(403, "Premium Destinations Not Allowed", 21),
    /** The called number is not a DID of any enabled customer. */
    UNKNOWN_DID(404, "Not Found", 1),
    /** No route matches the destination. */
    NO_ROUTE(404, "No Route to Destination", 3),
    /** The registered-contacts DID has no registered contact. */
    NOT_REGISTERED(480, "Temporarily Unavailable", 18),
    /** The dialled number could not be normalised to E.164 with the trunk's number plan. */
    ADDRESS_INCOMPLETE(484, "Address Incomplete", 28),
    /** Every gateway of every routed carrier is down or disabled. */
    ALL_GATEWAYS_DOWN(503, "All Gateways Down", 34),
    /** The trunk has as many calls up as it may have. */
    CONCURRENCY_LIMIT(503, "Concurrent Call Limit Reached", 34),
    /** The trunk has started as many calls this second as it may. */
    CPS_LIMIT(503, "Call Rate Limit Reached", 34),
    /** The registrar did not answer a contact lookup in time. */
    REGISTRAR_UNAVAILABLE(503, "Registrar Unavailable", 41),
    /** The DID's trunk has no static address to deliver or redirect to. */
    NO_DELIVERY_ADDRESS(480, "Temporarily Unavailable", 18);

    private final int code;
    private final String reason;
    private final int q850;

    RejectCause(int code, String reason, int q850) {
        this.code = code;
        this.reason = reason;
        this.q850 = q850;
    }

    /** SIP status code to answer, 400..699. */
    public int code() {
        return code;
    }

    /** Reason-Phrase to answer (RFC 3261 §7.2). */
    public String reason() {
        return reason;
    }

    /** Q.850 cause for the Reason header (RFC 3326) and CDRs; 0 for none. */
    public int q850() {
        return q850;
    }

    /** True for the reasons counted as limit rejections (metrics by trunk). */
    public boolean isLimit() {
        return this == CONCURRENCY_LIMIT || this == CPS_LIMIT;
    }
}
