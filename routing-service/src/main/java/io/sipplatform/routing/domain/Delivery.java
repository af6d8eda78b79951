package io.sipplatform.routing.domain;

/** Where calls to a DID go. */
public enum Delivery {
    /** The trunk's static addresses, tried in order (sequential failover). */
    STATIC,
    /** The registered contacts of an AOR, looked up at the registrar (parallel or sequential forking). */
    REGISTERED,
    /** Answer 302 with the trunk's static addresses as contacts; the carrier redials (RFC 3261 §8.3). */
    REDIRECT
}
