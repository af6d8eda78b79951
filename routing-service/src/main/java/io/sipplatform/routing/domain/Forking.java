package io.sipplatform.routing.domain;

/** How several registered contacts of one AOR are tried (RFC 3261 §16.6). */
public enum Forking {
    /** All at once; the first 2xx wins. */
    PARALLEL,
    /** One after another, highest q-value first (RFC 3261 §16.6 step 1, q-value groups). */
    SEQUENTIAL
}
