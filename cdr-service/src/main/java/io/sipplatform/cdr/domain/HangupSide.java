package io.sipplatform.cdr.domain;

/** Which side ended a call. */
public enum HangupSide {
    UNKNOWN, CALLER, CALLEE, PLATFORM
}
