package io.sipplatform.cdr.domain;

/** Why a call ended. MAX_DURATION also marks calls closed by this service as orphans. */
public enum EndCause {
    UNKNOWN, BYE, CANCEL, REJECTED, TIMEOUT, MEDIA_TIMEOUT, MAX_DURATION, ROUTING_REJECTED
}
