package io.sipplatform.sip.sdp;

import io.sipplatform.sip.SipParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * One media description (RFC 8866 §5.14): the m= line and the lines after it up to the next m= line, kept verbatim
 * and in order. Immutable; the {@code withX}/{@code retainX} methods return a new description and leave every line
 * they do not need to change as it was (a=crypto lines in particular).
 */
public final class MediaDescription {
    private static final Set<String> RTCP = Set.of("rtcp");
    private static final Set<String> RTCP_MUX = Set.of("rtcp-mux");
    // Attributes whose first field is a format of the m= line (RFC 8866 §6.6, §6.15; RFC 4585 §4.2).
    private static final Set<String> PER_FORMAT = Set.of("rtpmap", "fmtp", "rtcp-fb");

    private final List<SdpLine> lines;
    private final MediaLine mediaLine;
    private final boolean rtp;
    private final Connection connection;
    private final List<Attribute> attributes;
    private final Map<Integer, RtpMap> rtpMaps;
    private final Rtcp rtcp;
    private final List<Crypto> cryptos;
    private final Direction ownDirection;
    private final Direction sessionDirection;

    /** Parses and validates; {@code lines} starts with the m= line. */
    MediaDescription(List<SdpLine> lines, Direction sessionDirection) {
        this.lines = List.copyOf(lines);
        this.sessionDirection = sessionDirection;
        this.mediaLine = MediaLine.parse(this.lines.get(0).value());
        this.rtp = MediaLine.isRtpProto(mediaLine.proto());
        Connection firstConnection = null;
        List<Attribute> attrs = new ArrayList<>();
        Map<Integer, RtpMap> maps = new HashMap<>();
        List<Crypto> cryptoLines = new ArrayList<>();
        Rtcp rtcpAttribute = null;
        Direction direction = null;
        for (int i = 1; i < this.lines.size(); i++) {
            SdpLine line = this.lines.get(i);
            switch (line.type()) {
                case 'c' -> {
                    // RFC 8866 §9: *connection-field (several for layered multicast); the first one is the address.
                    Connection c = Connection.parse(line.value());
                    if (firstConnection == null) {
                        firstConnection = c;
                    }
                }
                case 'b' -> {
                    if (!SdpGrammar.isBandwidth(line.value())) {
                        throw new SipParseException("b= line: expected <bwtype>:<bandwidth>");
                    }
                }
                case 'a' -> {
                    Attribute attribute = Attribute.parse(line.value());
                    attrs.add(attribute);
                    switch (attribute.name()) {
                        case "rtpmap" -> {
                            RtpMap map = RtpMap.parse(valueOf(attribute));
                            maps.putIfAbsent(map.payloadType(), map);
                        }
                        case "rtcp" -> {
                            Rtcp parsed = Rtcp.parse(valueOf(attribute));
                            if (rtcpAttribute == null) {
                                rtcpAttribute = parsed;
                            }
                        }
                        case "crypto" -> cryptoLines.add(Crypto.parse(valueOf(attribute)));
                        default -> {
                            if (direction == null) {
                                direction = attribute.isProperty() ? Direction.ofAttributeName(attribute.name())
                                        : null;
                            }
                        }
                    }
                }
                case 'v', 'o', 's', 't', 'r', 'z', 'm' ->
                        throw new SipParseException(line.type() + "= line not allowed in a media description");
                default -> {
                    // i=, k= and unknown types travel verbatim (RFC 8866 §9 media-description)
                }
            }
        }
        this.connection = firstConnection;
        this.attributes = List.copyOf(attrs);
        this.rtpMaps = Map.copyOf(maps);
        this.rtcp = rtcpAttribute;
        this.cryptos = List.copyOf(cryptoLines);
        this.ownDirection = direction;
    }

    private MediaDescription(MediaDescription other, Direction sessionDirection) {
        this.lines = other.lines;
        this.mediaLine = other.mediaLine;
        this.rtp = other.rtp;
        this.connection = other.connection;
        this.attributes = other.attributes;
        this.rtpMaps = other.rtpMaps;
        this.rtcp = other.rtcp;
        this.cryptos = other.cryptos;
        this.ownDirection = other.ownDirection;
        this.sessionDirection = sessionDirection;
    }

    private static String valueOf(Attribute attribute) {
        if (attribute.value() == null) {
            throw new SipParseException("a=" + attribute.name() + " needs a value");
        }
        return attribute.value();
    }

    /** This description as seen inside a session whose session-level direction is {@code direction}. */
    MediaDescription inSession(Direction direction) {
        return direction == sessionDirection ? this : new MediaDescription(this, direction);
    }

    private MediaDescription withLines(List<SdpLine> newLines) {
        return newLines == lines ? this : new MediaDescription(newLines, sessionDirection);
    }

    public MediaLine mediaLine() {
        return mediaLine;
    }

    /** Media type, e.g. {@code audio}, {@code video}, {@code image}, {@code application}. */
    public String type() {
        return mediaLine.media();
    }

    public int port() {
        return mediaLine.port();
    }

    public int portCount() {
        return mediaLine.portCount();
    }

    public String proto() {
        return mediaLine.proto();
    }

    public List<String> formats() {
        return mediaLine.formats();
    }

    /** True when the proto is an RTP profile, so formats are payload types. */
    public boolean isRtp() {
        return rtp;
    }

    /** Port 0: a rejected or disabled stream (RFC 3264 §6, §8.2). */
    public boolean isDisabled() {
        return mediaLine.port() == 0;
    }

    /** The first media-level c= line, or null when the stream uses the session-level one. */
    public Connection connection() {
        return connection;
    }

    /** Media-level attributes in order. */
    public List<Attribute> attributes() {
        return attributes;
    }

    public List<Attribute> attributes(String name) {
        List<Attribute> out = new ArrayList<>();
        for (Attribute attribute : attributes) {
            if (attribute.name().equals(name)) {
                out.add(attribute);
            }
        }
        return out;
    }

    public boolean hasAttribute(String name) {
        for (Attribute attribute : attributes) {
            if (attribute.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** The first a=rtcp attribute (RFC 3605), or null. */
    public Rtcp rtcp() {
        return rtcp;
    }

    /** True when a=rtcp-mux is present (RFC 5761 §5.1.1). */
    public boolean rtcpMux() {
        return hasAttribute("rtcp-mux");
    }

    /** The media-level direction, else the session-level one, else sendrecv (RFC 8866 §6.7). */
    public Direction direction() {
        if (ownDirection != null) {
            return ownDirection;
        }
        return sessionDirection != null ? sessionDirection : Direction.SENDRECV;
    }

    /**
     * The mapping for a payload type: its a=rtpmap, else the RFC 3551 static assignment, else null. Always null for
     * a non-RTP proto.
     */
    public RtpMap rtpMap(int payloadType) {
        if (!rtp) {
            return null;
        }
        RtpMap map = rtpMaps.get(payloadType);
        return map != null ? map : RtpMap.ofStaticPayloadType(payloadType);
    }

    /** The resolvable mappings of the m= line's formats, in m= line order (preference order, RFC 3264 §5.1). */
    public List<RtpMap> rtpMaps() {
        List<RtpMap> out = new ArrayList<>();
        if (rtp) {
            for (String format : mediaLine.formats()) {
                RtpMap map = rtpMap(SdpGrammar.parseBoundedInt(format, 127));
                if (map != null) {
                    out.add(map);
                }
            }
        }
        return out;
    }

    /** The a=crypto lines (RFC 4568), in order. */
    public List<Crypto> cryptos() {
        return cryptos;
    }

    /** Every line of this description, m= line first, as sent. */
    public List<SdpLine> lines() {
        return lines;
    }

    /** This stream with another m= port; the number of ports is kept. */
    public MediaDescription withPort(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0-65535: " + port);
        }
        if (port == mediaLine.port()) {
            return this;
        }
        List<SdpLine> out = new ArrayList<>(lines);
        out.set(0, new SdpLine('m', mediaLine.withPort(port).toString()));
        return withLines(out);
    }

    /**
     * This stream with one media-level c= line for {@code address} (IP4 or IP6 from the literal); replaces the first
     * c= line and drops the others, or inserts one after the m= and i= lines (RFC 8866 §9 order).
     */
    public MediaDescription withConnectionAddress(String address) {
        return withConnection(Connection.of(address));
    }

    MediaDescription withConnection(Connection replacement) {
        SdpLine cLine = new SdpLine('c', replacement.toString());
        List<SdpLine> out = new ArrayList<>(lines.size() + 1);
        boolean written = false;
        for (SdpLine line : lines) {
            if (line.type() == 'c') {
                if (!written) {
                    out.add(cLine);
                    written = true;
                }
            } else {
                out.add(line);
            }
        }
        if (!written) {
            int at = 1;
            while (at < out.size() && out.get(at).type() == 'i') {
                at++;
            }
            out.add(at, cLine);
        }
        return withLines(out);
    }

    /** This stream with its a=rtcp attribute set to {@code rtcp}, replacing any (RFC 3605). */
    public MediaDescription withRtcp(Rtcp rtcp) {
        if (rtcp == null) {
            throw new IllegalArgumentException("rtcp must not be null; use withoutRtcp()");
        }
        return withLines(AttributeLines.replace(lines, RTCP, new Attribute("rtcp", rtcp.toString())));
    }

    /** This stream without a=rtcp attributes. */
    public MediaDescription withoutRtcp() {
        return withLines(AttributeLines.without(lines, RTCP));
    }

    /** This stream with a=rtcp-mux present or not (RFC 5761 §5.1.1), other lines unchanged. */
    public MediaDescription withRtcpMux(boolean mux) {
        if (mux == rtcpMux()) {
            return this;
        }
        List<SdpLine> out = AttributeLines.without(lines, RTCP_MUX);
        if (mux) {
            out = new ArrayList<>(out);
            out.add(new SdpLine('a', "rtcp-mux"));
        }
        return withLines(out);
    }

    /** This stream without any ICE attribute (RFC 8839 §5), e.g. when a relay anchors media. */
    public MediaDescription withoutIce() {
        return withLines(AttributeLines.without(lines, AttributeLines.ICE));
    }

    /** This stream with exactly one media-level direction attribute. */
    public MediaDescription withDirection(Direction direction) {
        return withLines(AttributeLines.replace(lines, AttributeLines.DIRECTIONS,
                Attribute.property(direction.attributeName())));
    }

    /**
     * This stream keeping only the formats {@code keep} accepts, with the a=rtpmap, a=fmtp and a=rtcp-fb lines of
     * the removed ones dropped. When nothing is left the stream is disabled instead (RFC 3264 §6): port 0 and only
     * its first format, whose lines stay.
     */
    public MediaDescription retainFormats(Predicate<String> keep) {
        List<String> formats = mediaLine.formats();
        List<String> kept = new ArrayList<>();
        Set<String> keptKeys = new HashSet<>();
        Set<String> removedKeys = new HashSet<>();
        for (String format : formats) {
            if (keep.test(format)) {
                kept.add(format);
                keptKeys.add(formatKey(format));
            } else {
                removedKeys.add(formatKey(format));
            }
        }
        if (kept.size() == formats.size()) {
            return this;
        }
        boolean disable = kept.isEmpty();
        if (disable) {
            kept.add(formats.get(0));
            keptKeys.add(formatKey(formats.get(0)));
        }
        removedKeys.removeAll(keptKeys);
        List<SdpLine> out = new ArrayList<>(lines.size());
        out.add(new SdpLine('m', mediaLine.withFormats(disable ? 0 : mediaLine.port(),
                disable ? 1 : mediaLine.portCount(), kept).toString()));
        for (int i = 1; i < lines.size(); i++) {
            SdpLine line = lines.get(i);
            String name = AttributeLines.nameOf(line);
            if (name == null || !PER_FORMAT.contains(name) || !removedKeys.contains(formatKeyOf(line.value()))) {
                out.add(line);
            }
        }
        return withLines(out);
    }

    /** {@link #retainFormats} by RTP payload type; every format of a non-RTP stream counts as not listed. */
    public MediaDescription retainPayloadTypes(Set<Integer> payloadTypes) {
        Set<Integer> wanted = Set.copyOf(payloadTypes);
        return retainFormats(format -> rtp && wanted.contains(SdpGrammar.parseBoundedInt(format, 127)));
    }

    /**
     * {@link #retainFormats} by encoding name, case-insensitive (RFC 8866 §6.6), resolved through a=rtpmap or the
     * RFC 3551 static table; a payload type with no known name is removed. For a non-RTP stream the format itself is
     * matched (e.g. {@code t38}).
     */
    public MediaDescription retainEncodings(Set<String> encodingNames) {
        Set<String> wanted = new HashSet<>();
        for (String name : encodingNames) {
            wanted.add(name.toLowerCase(Locale.ROOT));
        }
        return retainFormats(format -> {
            if (!rtp) {
                return wanted.contains(format.toLowerCase(Locale.ROOT));
            }
            RtpMap map = rtpMap(SdpGrammar.parseBoundedInt(format, 127));
            return map != null && wanted.contains(map.encodingName().toLowerCase(Locale.ROOT));
        });
    }

    // Formats compare by payload type number for RTP ("08" and "8" are the same type), else as written.
    private String formatKey(String format) {
        if (rtp) {
            int payloadType = SdpGrammar.parseBoundedInt(format, 127);
            if (payloadType >= 0) {
                return Integer.toString(payloadType);
            }
        }
        return format;
    }

    private String formatKeyOf(String attributeLineValue) {
        int colon = attributeLineValue.indexOf(':');
        if (colon < 0) {
            return "";
        }
        int end = colon + 1;
        while (end < attributeLineValue.length() && !FieldScanner.isWhitespace(attributeLineValue.charAt(end))) {
            end++;
        }
        return formatKey(attributeLineValue.substring(colon + 1, end));
    }

    /** Same lines, same order. The inherited session direction does not take part. */
    @Override
    public boolean equals(Object o) {
        return o instanceof MediaDescription other && lines.equals(other.lines);
    }

    @Override
    public int hashCode() {
        return lines.hashCode();
    }

    /** The lines, each ended by CRLF. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        SessionDescription.appendLines(out, lines);
        return out.toString();
    }
}
