package io.sipplatform.cdr.domain;

/** A party of a call, for media statistics. */
public enum CallSide {
    UNKNOWN, CALLER, CALLEE
}
