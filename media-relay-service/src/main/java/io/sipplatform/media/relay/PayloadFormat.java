package io.sipplatform.media.relay;

/** What a payload type stands for in a party's SDP (a=rtpmap or the RFC 3551 static table). */
public record PayloadFormat(String encodingName, int clockRate) {
    /** Unknown payload types are counted at 8 kHz, the rate of every static audio type but G.722's RTP clock. */
    public static final PayloadFormat UNKNOWN = new PayloadFormat("", 8000);
}
