package io.sipplatform.sip.sdp;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code m=} line (RFC 8866 §5.14): media type, transport port with optional number of ports, transport protocol
 * and the media format list. For RTP profiles (a proto with an {@code RTP} element, e.g. RTP/AVP, RTP/SAVP,
 * UDP/TLS/RTP/SAVPF) every format is a payload type 0-127 (RFC 3551); other protos (udptl, UDP/DTLS/SCTP) carry
 * tokens.
 *
 * @param portCount number of ports, 1 when the line has no {@code /<number of ports>}
 */
public record MediaLine(String media, int port, int portCount, String proto, List<String> formats) {

    public MediaLine {
        if (!SdpGrammar.isToken(media) || !SdpGrammar.isProto(proto)) {
            throw new IllegalArgumentException("media must be a token and proto token *(\"/\" token)");
        }
        if (port < 0 || port > 65535 || portCount < 1 || portCount > 65535) {
            throw new IllegalArgumentException("port must be 0-65535 and port count 1-65535");
        }
        formats = List.copyOf(formats);
        if (formats.isEmpty()) {
            throw new IllegalArgumentException("an m= line needs at least one format (RFC 8866 §9)");
        }
        boolean rtp = isRtpProto(proto);
        for (String format : formats) {
            if (rtp ? SdpGrammar.parseBoundedInt(format, 127) < 0 : !SdpGrammar.isToken(format)) {
                throw new IllegalArgumentException(rtp ? "RTP format must be a payload type 0-127" : "format must be a token");
            }
        }
    }

    static MediaLine parse(String value) {
        FieldScanner in = new FieldScanner(value, "m= line");
        String media = in.expectField("media");
        String portField = in.expectField("port");
        String proto = in.expectField("proto");
        int slash = portField.indexOf('/');
        int port = SdpGrammar.parseBoundedInt(slash < 0 ? portField : portField.substring(0, slash), 65535);
        int portCount = slash < 0 ? 1 : SdpGrammar.parseBoundedInt(portField.substring(slash + 1), 65535);
        if (port < 0) {
            throw in.error("port must be 0-65535");
        }
        if (portCount < 1) {
            throw in.error("number of ports must be 1-65535");
        }
        List<String> formats = new ArrayList<>();
        for (String format = in.consumeField(); format != null; format = in.consumeField()) {
            formats.add(format);
        }
        try {
            return new MediaLine(media, port, portCount, proto, formats);
        } catch (IllegalArgumentException e) {
            throw in.error(e.getMessage());
        }
    }

    // RFC 8866 §5.14: for RTP/AVP and RTP/SAVP (and their RFC 4585/5124/5764 relatives) fmt is a payload type.
    static boolean isRtpProto(String proto) {
        int start = 0;
        for (int i = 0; i <= proto.length(); i++) {
            if (i == proto.length() || proto.charAt(i) == '/') {
                if (i - start == 3 && proto.regionMatches(start, "RTP", 0, 3)) {
                    return true;
                }
                start = i + 1;
            }
        }
        return false;
    }

    MediaLine withPort(int newPort) {
        return new MediaLine(media, newPort, portCount, proto, formats);
    }

    MediaLine withFormats(int newPort, int newPortCount, List<String> newFormats) {
        return new MediaLine(media, newPort, newPortCount, proto, newFormats);
    }

    /** The m= value, e.g. {@code audio 49170 RTP/AVP 0 8}. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(media).append(' ').append(port);
        if (portCount != 1) {
            out.append('/').append(portCount);
        }
        out.append(' ').append(proto);
        for (String format : formats) {
            out.append(' ').append(format);
        }
        return out.toString();
    }
}
