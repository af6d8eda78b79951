package io.sipplatform.media.session;

import io.sipplatform.media.relay.Endpoint;
import io.sipplatform.media.relay.PayloadFormat;
import io.sipplatform.sip.sdp.Connection;
import io.sipplatform.sip.sdp.Direction;
import io.sipplatform.sip.sdp.MediaDescription;
import io.sipplatform.sip.sdp.RtpMap;
import io.sipplatform.sip.sdp.Rtcp;
import io.sipplatform.sip.sdp.SdpLine;
import io.sipplatform.sip.sdp.SessionDescription;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Pure SDP work for anchoring: codec filter, what a party signalled, and the rewrite to relay addresses. */
public final class SdpRewrite {

    /** What one party signalled for one m= line. */
    public record Signalled(Endpoint rtp, Endpoint rtcp, boolean rtcpMux, Map<Integer, PayloadFormat> formats) {
        /**
         * This with a private or unspecified c= address replaced by {@code publicIp}, the party's signalling source:
         * a NATed party writes its inside address, which the relay can never reach, but its media very likely leaves
         * through the same public address. Ports stay; latching corrects them once packets arrive.
         */
        public Signalled behindNat(String publicIp) {
            if (!isPrivateOrUnspecified(rtp.host())) {
                return this;
            }
            Endpoint newRtcp = isPrivateOrUnspecified(rtcp.host()) ? Endpoint.of(publicIp, rtcp.port()) : rtcp;
            return new Signalled(Endpoint.of(publicIp, rtp.port()), newRtcp, rtcpMux, formats);
        }
    }


    private SdpRewrite() {
    }

    /** Keeps only the allowed encodings in enabled streams; a stream left with none is disabled (RFC 3264 §6). */
    public static SessionDescription filterCodecs(SessionDescription sdp, List<String> allow) {
        if (allow.isEmpty()) {
            return sdp;
        }
        var names = new HashSet<>(allow);
        return sdp.mapMedia(m -> m.isDisabled() ? m : m.retainEncodings(names));
    }

    /**
     * True for IPv4 literals nobody outside can reach: RFC 1918 private (10/8, 172.16/12, 192.168/16), RFC 6598
     * shared (100.64/10), link-local (169.254/16) and 0.0.0.0; IPv6 unique-local (fc00::/7) and link-local (fe80::/10).
     */
    static boolean isPrivateOrUnspecified(String host) {
        if (host.indexOf(':') >= 0) {
            String h = host.toLowerCase(java.util.Locale.ROOT);
            return h.startsWith("fc") || h.startsWith("fd") || h.startsWith("fe8") || h.startsWith("fe9")
                    || h.startsWith("fea") || h.startsWith("feb") || h.equals("::");
        }
        int[] octets = new int[4];
        int n = 0;
        int value = -1;
        for (int i = 0; i <= host.length(); i++) {
            char ch = i < host.length() ? host.charAt(i) : '.';
            if (ch >= '0' && ch <= '9') {
                value = (value < 0 ? 0 : value * 10) + (ch - '0');
                if (value > 255) {
                    return false;
                }
            } else if (ch == '.' && value >= 0 && n < 4) {
                octets[n++] = value;
                value = -1;
            } else {
                return false; // a host name or not a literal
            }
        }
        if (n != 4) {
            return false;
        }
        int a = octets[0];
        int b = octets[1];
        return a == 10 || a == 172 && b >= 16 && b <= 31 || a == 192 && b == 168 || a == 100 && b >= 64 && b <= 127
                || a == 169 && b == 254 || a == 0 && b == 0 && octets[2] == 0 && octets[3] == 0;
    }

    /** True when at least one m= line has a non-zero port. */
    public static boolean hasEnabledStream(SessionDescription sdp) {
        return sdp.media().stream().anyMatch(m -> !m.isDisabled());
    }

    /**
     * The m= lines on which this SDP's sender wants media both ways: enabled (port not 0), sendrecv (RFC 3264 §5.1,
     * the media level overriding the session level) and with an address. c=0.0.0.0 (or ::) is the RFC 2543 hold that
     * trunks still send (RFC 3264 §8.4). A session where no line is left on both sides is on hold.
     */
    public static Set<Integer> twoWayStreams(SessionDescription sdp) {
        Set<Integer> out = new HashSet<>();
        for (int i = 0; i < sdp.media().size(); i++) {
            MediaDescription m = sdp.media().get(i);
            Connection connection = m.connection() != null ? m.connection() : sdp.connection();
            boolean unspecified = connection == null || connection.host().equals("0.0.0.0")
                    || connection.host().equals("::");
            if (!m.isDisabled() && m.direction() == Direction.SENDRECV && !unspecified) {
                out.add(i);
            }
        }
        return out;
    }

    /** Where the party receives media of m= line {@code index}: c= (media, else session), m= port, a=rtcp, rtcp-mux. */
    public static Signalled signalled(SessionDescription sdp, int index) {
        MediaDescription m = sdp.media().get(index);
        Connection connection = m.connection() != null ? m.connection() : sdp.connection();
        String host = connection == null ? "0.0.0.0" : connection.host();
        Endpoint rtp = Endpoint.of(host, m.port());
        Rtcp rtcp = m.rtcp();
        Endpoint rtcpEndpoint = rtcp == null
                ? Endpoint.of(host, m.port() == 0 ? 0 : Math.min(65535, m.port() + 1)) // RFC 3550 §11: RTP port + 1
                : Endpoint.of(rtcp.connection() == null ? host : rtcp.connection().host(), rtcp.port()); // RFC 3605
        Map<Integer, PayloadFormat> formats = new HashMap<>();
        for (RtpMap map : m.rtpMaps()) {
            formats.put(map.payloadType(), new PayloadFormat(map.encodingName(), map.clockRate()));
        }
        return new Signalled(rtp, rtcpEndpoint, m.rtcpMux(), formats);
    }

    /**
     * The relay ports written into one m= line.
     *
     * @param rtpPort  the relay's even RTP port
     * @param rtcpPort the relay port written into a=rtcp: the RTP port when the line ends up muxed, else the odd one
     * @param rtcpMux  whether the line carries a=rtcp-mux (RFC 5761 §5.1.1)
     */
    public record Anchor(int rtpPort, int rtcpPort, boolean rtcpMux) {
    }

    /**
     * The SDP pointing at the relay: every c= at {@code address}, each anchored m= line at its relay RTP port with
     * a=rtcp and with a=rtcp-mux present or not as its anchor says, streams without an anchor refused with port 0.
     * Crypto lines and everything else pass through unchanged.
     */
    public static SessionDescription rewrite(SessionDescription sdp, String address, Map<Integer, Anchor> anchors,
                                             boolean stripIce) {
        SessionDescription out = stripIce ? sdp.withoutIce() : sdp;
        out = out.withConnectionAddress(address);
        for (int i = 0; i < out.media().size(); i++) {
            MediaDescription m = out.media().get(i);
            Anchor anchor = anchors.get(i);
            if (anchor == null) {
                if (!m.isDisabled()) {
                    out = out.withMedia(i, m.withPort(0));
                }
                continue;
            }
            out = out.withMedia(i, m.withPort(anchor.rtpPort()).withRtcp(new Rtcp(anchor.rtcpPort(), null))
                    .withRtcpMux(anchor.rtcpMux()));
        }
        return out;
    }

    /** The SDP's lines except o=, serialised: what decides whether a rewritten SDP changed (RFC 3264 §8). */
    public static String withoutOrigin(SessionDescription sdp) {
        StringBuilder text = new StringBuilder(512);
        appendLines(text, sdp.sessionLines().subList(2, sdp.sessionLines().size()));
        sdp.media().forEach(m -> appendLines(text, m.lines()));
        return text.toString();
    }


    private static void appendLines(StringBuilder out, List<SdpLine> lines) {
        for (SdpLine line : lines) {
            out.append(line).append("\r\n");
        }
    }
}
