package io.sipplatform.cdr.domain;

/** Why an outbound branch got no final response; NONE when it got one. */
public enum LegFailure {
    NONE, UNKNOWN, TIMEOUT, TRANSPORT_ERROR, CANCELLED
}
