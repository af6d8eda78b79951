package io.sipplatform.cdr.domain;

/** Whether a call has ended (by an end event or orphan closing) or may still be going. */
public enum CdrState {
    OPEN, CLOSED
}
