package io.sipplatform.routing.domain;

/** What happens when a trunk presents a caller ID it may not use. */
public enum CallerIdMode {
    /** No check: the presented number is forwarded as is. */
    PASS,
    /** Answer 403: the trunk may only present its own numbers. */
    REJECT,
    /** Forward with the trunk's default number in P-Asserted-Identity instead. */
    REPLACE
}
