package io.sipplatform.routing.domain;

/** Which way a call crosses the platform. */
public enum Direction {
    /** From a carrier to a customer's DID. */
    INBOUND,
    /** From a customer's trunk to a carrier. */
    OUTBOUND
}
