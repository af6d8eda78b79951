package io.sipplatform.media.relay;

/** Why a packet was not relayed; each is counted. */
public enum DropReason {
    /** Not RTP version 2 or shorter than a header (RFC 3550 §5.1). */
    MALFORMED("malformed"),
    /** From an address other than the latched one, or other than the signalled one when latching is off. */
    UNEXPECTED_SOURCE("unexpected-source"),
    /** The other party has no usable address yet (no answer, or on hold with c=0.0.0.0). */
    NO_DESTINATION("no-destination"),
    /** From a forked branch that is not the active one. */
    INACTIVE_BRANCH("inactive-branch"),
    /** Sending failed at the socket. */
    SEND_FAILED("send-failed");

    private final String tag;

    DropReason(String tag) {
        this.tag = tag;
    }

    /** The metric tag value. */
    public String tag() {
        return tag;
    }
}
