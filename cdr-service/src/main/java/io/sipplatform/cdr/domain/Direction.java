package io.sipplatform.cdr.domain;

/** Direction of a call: inbound (carrier to DID) or outbound (customer to PSTN). */
public enum Direction {
    UNKNOWN, INBOUND, OUTBOUND
}
