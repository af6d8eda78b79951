package io.sipplatform.media.session;

/**
 * What the relay does with a=rtcp-mux (RFC 5761, RFC 8035) towards the receiver of a rewritten offer. The relay can
 * mux on one side and not on the other: it tells RTCP from RTP on a muxed port by payload type (RFC 5761 §4) and
 * sends it to the other party's separate RTCP port, or the other way round.
 */
public enum RtcpMuxMode {
    /** Offer mux to the receiver only if the sender offered it; the answer to the sender says what the receiver said. */
    PRESERVE,
    /** Offer mux to the receiver even if the sender did not; the sender keeps separate RTCP unless it offered mux. */
    OFFER,
    /** Offer no mux to the receiver; the relay still accepts mux towards a sender that offered it. */
    DEMUX;

    /** Whether the rewritten offer carries a=rtcp-mux, given whether the sender's offer did. */
    public boolean offerToReceiver(boolean senderOffered) {
        return switch (this) {
            case PRESERVE -> senderOffered;
            case OFFER -> true;
            case DEMUX -> false;
        };
    }

    /**
     * Whether the rewritten answer to the offerer carries a=rtcp-mux, i.e. whether the offerer and the relay mux.
     * RFC 8035: never unless the offerer offered it. Preserve follows the answerer; offer and demux accept it because
     * the relay bridges mux and separate RTCP itself.
     */
    public boolean answerToOfferer(boolean offererOffered, boolean answererAccepted) {
        return offererOffered && (this != PRESERVE || answererAccepted);
    }
}
