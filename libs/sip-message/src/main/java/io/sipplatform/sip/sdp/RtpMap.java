package io.sipplatform.sip.sdp;

import java.util.HashMap;
import java.util.Map;

/**
 * An RTP payload type mapping, {@code a=rtpmap:<payload type> <encoding name>/<clock rate>[/<channels>]}
 * (RFC 8866 §6.6), or the RFC 3551 §6 static assignment that applies when a static payload type has no rtpmap.
 *
 * @param clockRate the clock rate in Hz, 0 when the sender left it out (RFC 8866 §6.6 requires it, but the
 *                  RFC 4475 torture messages send {@code a=rtpmap:31 LPC}, so a relay must not refuse that)
 * @param channels  the encoding parameters for audio, 1 when absent
 */
public record RtpMap(int payloadType, String encodingName, int clockRate, int channels) {

    // RFC 3551 §6 tables 4 and 5: static payload types.
    private static final Map<Integer, RtpMap> STATIC = new HashMap<>();

    static {
        addStatic(0, "PCMU", 8000, 1);
        addStatic(3, "GSM", 8000, 1);
        addStatic(4, "G723", 8000, 1);
        addStatic(5, "DVI4", 8000, 1);
        addStatic(6, "DVI4", 16000, 1);
        addStatic(7, "LPC", 8000, 1);
        addStatic(8, "PCMA", 8000, 1);
        addStatic(9, "G722", 8000, 1);
        addStatic(10, "L16", 44100, 2);
        addStatic(11, "L16", 44100, 1);
        addStatic(12, "QCELP", 8000, 1);
        addStatic(13, "CN", 8000, 1);
        addStatic(14, "MPA", 90000, 1);
        addStatic(15, "G728", 8000, 1);
        addStatic(16, "DVI4", 11025, 1);
        addStatic(17, "DVI4", 22050, 1);
        addStatic(18, "G729", 8000, 1);
        addStatic(25, "CelB", 90000, 1);
        addStatic(26, "JPEG", 90000, 1);
        addStatic(28, "nv", 90000, 1);
        addStatic(31, "H261", 90000, 1);
        addStatic(32, "MPV", 90000, 1);
        addStatic(33, "MP2T", 90000, 1);
        addStatic(34, "H263", 90000, 1);
    }

    private static void addStatic(int payloadType, String name, int clockRate, int channels) {
        STATIC.put(payloadType, new RtpMap(payloadType, name, clockRate, channels));
    }

    public RtpMap {
        if (payloadType < 0 || payloadType > 127) {
            throw new IllegalArgumentException("payload type must be 0-127");
        }
        if (!SdpGrammar.isToken(encodingName)) {
            throw new IllegalArgumentException("encoding name must be a token");
        }
        if (clockRate < 0 || channels < 1 || (clockRate == 0 && channels != 1)) {
            throw new IllegalArgumentException("clock rate must be positive (or 0: absent) and channels positive");
        }
    }

    /** The RFC 3551 static mapping of a payload type, or null when the type is dynamic or unassigned. */
    public static RtpMap ofStaticPayloadType(int payloadType) {
        return STATIC.get(payloadType);
    }

    static RtpMap parse(String attributeValue) {
        FieldScanner in = new FieldScanner(attributeValue, "a=rtpmap");
        int payloadType = SdpGrammar.parseBoundedInt(in.expectField("payload type"), 127);
        String encoding = in.expectField("encoding");
        in.expectEnd();
        if (payloadType < 0) {
            throw in.error("payload type must be 0-127");
        }
        int slash = encoding.indexOf('/');
        if (slash < 0) {
            return construct(in, payloadType, encoding, 0, 1);
        }
        String name = encoding.substring(0, slash);
        String rest = encoding.substring(slash + 1);
        int second = rest.indexOf('/');
        int clockRate = SdpGrammar.parseBoundedInt(second < 0 ? rest : rest.substring(0, second), Integer.MAX_VALUE);
        int channels = second < 0 ? 1 : SdpGrammar.parseBoundedInt(rest.substring(second + 1), Integer.MAX_VALUE);
        if (clockRate == 0) {
            throw in.error("clock rate must be positive");
        }
        return construct(in, payloadType, name, clockRate, channels);
    }

    private static RtpMap construct(FieldScanner in, int payloadType, String name, int clockRate, int channels) {
        try {
            return new RtpMap(payloadType, name, clockRate, channels);
        } catch (IllegalArgumentException e) {
            throw in.error(e.getMessage());
        }
    }

    /** The a=rtpmap value, e.g. {@code 96 opus/48000/2}. */
    @Override
    public String toString() {
        if (clockRate == 0) {
            return payloadType + " " + encodingName;
        }
        return payloadType + " " + encodingName + '/' + clockRate + (channels == 1 ? "" : "/" + channels);
    }
}
