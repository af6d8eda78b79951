package io.sipplatform.sip.sdp;

import io.sipplatform.sip.SipParseException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * An immutable SDP session description (RFC 8866): the session-level lines and the media descriptions, each kept
 * verbatim and in order, with parsed views of the lines a relay or an edge acts on. Serialising an unmodified
 * description gives back the lines it was parsed from, with CRLF terminators.
 *
 * <p>Grammar checks (RFC 8866 §9): the first line is {@code v=0}, the second {@code o=}, the session part has exactly
 * one {@code s=} and at most one {@code c=}; the other session lines (i u e p c b t r z k a) may come in any order,
 * as real UAs send them, and no {@code t=} is required. Lines of an unknown type and unknown attributes are kept
 * as they are. Known values (o=, c=, m=, b=, a=rtpmap, a=rtcp, a=crypto) are validated when parsed.
 */
public final class SessionDescription {
    private static final String CRLF = "\r\n";

    private final List<SdpLine> sessionLines;
    private final List<MediaDescription> media;
    private final Origin origin;
    private final String sessionName;
    private final Connection connection;
    private final List<Attribute> attributes;
    private final Direction ownDirection;
    private String text;

    private SessionDescription(List<SdpLine> sessionLines, List<MediaDescription> media) {
        this.sessionLines = List.copyOf(sessionLines);
        if (this.sessionLines.isEmpty() || !isVersionLine(this.sessionLines.get(0))) {
            throw new SipParseException("SDP must start with v=0", 0);
        }
        if (this.sessionLines.size() < 2 || this.sessionLines.get(1).type() != 'o') {
            throw new SipParseException("o= line must follow v=0");
        }
        Origin parsedOrigin = null;
        String name = null;
        Connection sessionConnection = null;
        List<Attribute> attrs = new ArrayList<>();
        Direction direction = null;
        for (SdpLine line : this.sessionLines.subList(1, this.sessionLines.size())) {
            switch (line.type()) {
                case 'v' -> throw new SipParseException("duplicate v= line");
                case 'o' -> {
                    if (parsedOrigin != null) {
                        throw new SipParseException("duplicate o= line");
                    }
                    parsedOrigin = Origin.parse(line.value());
                }
                case 's' -> {
                    if (name != null) {
                        throw new SipParseException("duplicate s= line");
                    }
                    // RFC 8866 §5.3 wants "s= " or "s=-" for no name; an empty value is accepted as real UAs send it.
                    name = line.value();
                }
                case 'c' -> {
                    if (sessionConnection != null) {
                        throw new SipParseException("more than one session-level c= line");
                    }
                    sessionConnection = Connection.parse(line.value());
                }
                case 'b' -> {
                    if (!SdpGrammar.isBandwidth(line.value())) {
                        throw new SipParseException("b= line: expected <bwtype>:<bandwidth>");
                    }
                }
                case 't' -> expectTiming(line.value());
                case 'a' -> {
                    Attribute attribute = Attribute.parse(line.value());
                    attrs.add(attribute);
                    if (direction == null && attribute.isProperty()) {
                        direction = Direction.ofAttributeName(attribute.name());
                    }
                }
                default -> {
                    // i u e p r z k and unknown types travel verbatim
                }
            }
        }
        if (name == null) {
            throw new SipParseException("missing s= line");
        }
        this.origin = parsedOrigin;
        this.sessionName = name;
        this.connection = sessionConnection;
        this.attributes = List.copyOf(attrs);
        this.ownDirection = direction;
        List<MediaDescription> bound = new ArrayList<>(media.size());
        for (MediaDescription m : media) {
            bound.add(Objects.requireNonNull(m, "media description").inSession(direction));
        }
        this.media = List.copyOf(bound);
    }

    private static boolean isVersionLine(SdpLine line) {
        return line.type() == 'v' && "0".equals(line.value()); // RFC 8866 §5.1
    }

    // RFC 8866 §5.9 t=<start-time> <stop-time>
    private static void expectTiming(String value) {
        FieldScanner in = new FieldScanner(value, "t= line");
        String start = in.expectField("start-time");
        String stop = in.expectField("stop-time");
        in.expectEnd();
        if (!SdpGrammar.isDigits(start) || !SdpGrammar.isDigits(stop)) {
            throw in.error("times must be decimal");
        }
    }

    /** Parses a body as UTF-8 (RFC 8866 §5); bytes that are not UTF-8 become U+FFFD. */
    public static SessionDescription parse(byte[] body) {
        if (body == null) {
            throw new SipParseException("missing SDP body", 0);
        }
        return parse(new String(body, StandardCharsets.UTF_8));
    }

    /**
     * Parses a session description.
     *
     * @throws SipParseException if the text is not a session description per the checks in the class comment
     */
    public static SessionDescription parse(String body) {
        if (body == null) {
            throw new SipParseException("missing SDP body", 0);
        }
        List<SdpLine> lines = SdpReader.readLines(body);
        int firstMedia = 0;
        while (firstMedia < lines.size() && lines.get(firstMedia).type() != 'm') {
            firstMedia++;
        }
        if (firstMedia == 0) {
            throw new SipParseException("SDP must start with v=0", 0);
        }
        List<MediaDescription> media = new ArrayList<>();
        int start = firstMedia;
        while (start < lines.size()) {
            int end = start + 1;
            while (end < lines.size() && lines.get(end).type() != 'm') {
                end++;
            }
            media.add(new MediaDescription(lines.subList(start, end), null));
            start = end;
        }
        return new SessionDescription(lines.subList(0, firstMedia), media);
    }

    public Origin origin() {
        return origin;
    }

    /** The s= value. */
    public String sessionName() {
        return sessionName;
    }

    /** The session-level c= line, or null when every stream carries its own. */
    public Connection connection() {
        return connection;
    }

    /** Session-level attributes in order. */
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

    /** The session-level direction attribute, sendrecv when there is none (RFC 8866 §6.7). */
    public Direction direction() {
        return ownDirection != null ? ownDirection : Direction.SENDRECV;
    }

    public List<MediaDescription> media() {
        return media;
    }

    /** The session-level lines, v= first, as sent. */
    public List<SdpLine> sessionLines() {
        return sessionLines;
    }

    /**
     * This description with every c= line pointing at {@code address} (IP4 or IP6 from the literal): the session
     * line and each media line that exists. When a stream would be left without any c= (RFC 8866 §5.7), a
     * session-level line is added. o= and a=rtcp addresses are not touched.
     */
    public SessionDescription withConnectionAddress(String address) {
        Connection replacement = Connection.of(address);
        SdpLine cLine = new SdpLine('c', replacement.toString());
        List<MediaDescription> newMedia = new ArrayList<>(media.size());
        boolean streamWithoutConnection = false;
        for (MediaDescription m : media) {
            if (m.connection() != null) {
                newMedia.add(m.withConnection(replacement));
            } else {
                newMedia.add(m);
                streamWithoutConnection = true;
            }
        }
        List<SdpLine> newSession = new ArrayList<>(sessionLines.size() + 1);
        boolean written = false;
        for (SdpLine line : sessionLines) {
            if (line.type() == 'c') {
                newSession.add(cLine);
                written = true;
            } else {
                newSession.add(line);
            }
        }
        if (!written && streamWithoutConnection) {
            // RFC 8866 §9 order: after v o s i u e p
            int at = 0;
            while (at < newSession.size() && "vosiuep".indexOf(newSession.get(at).type()) >= 0) {
                at++;
            }
            newSession.add(at, cLine);
        }
        return new SessionDescription(newSession, newMedia);
    }

    /** This description with the o= sess-version incremented, as RFC 3264 §8 requires for a changed offer. */
    public SessionDescription withSessionVersionIncremented() {
        List<SdpLine> out = new ArrayList<>(sessionLines);
        out.set(1, new SdpLine('o', origin.withSessionVersionIncremented().toString()));
        return new SessionDescription(out, media);
    }

    /** This description with its o= line replaced, e.g. by a relay's own origin (topology hiding, RFC 3264 §8). */
    public SessionDescription withOrigin(Origin replacement) {
        List<SdpLine> out = new ArrayList<>(sessionLines);
        out.set(1, new SdpLine('o', Objects.requireNonNull(replacement, "replacement").toString()));
        return new SessionDescription(out, media);
    }

    /** This description with exactly one session-level direction attribute; media-level ones still override it. */
    public SessionDescription withDirection(Direction direction) {
        return new SessionDescription(AttributeLines.replace(sessionLines, AttributeLines.DIRECTIONS,
                Attribute.property(direction.attributeName())), media);
    }

    /** This description without ICE attributes (RFC 8839 §5) at session and media level. */
    public SessionDescription withoutIce() {
        return new SessionDescription(AttributeLines.without(sessionLines, AttributeLines.ICE),
                mapped(MediaDescription::withoutIce));
    }

    /** This description with the media description at {@code index} replaced. */
    public SessionDescription withMedia(int index, MediaDescription replacement) {
        Objects.checkIndex(index, media.size());
        List<MediaDescription> out = new ArrayList<>(media);
        out.set(index, Objects.requireNonNull(replacement, "replacement"));
        return new SessionDescription(sessionLines, out);
    }

    /** This description with {@code change} applied to every media description, e.g. a codec filter. */
    public SessionDescription mapMedia(UnaryOperator<MediaDescription> change) {
        return new SessionDescription(sessionLines, mapped(change));
    }

    private List<MediaDescription> mapped(UnaryOperator<MediaDescription> change) {
        List<MediaDescription> out = new ArrayList<>(media.size());
        for (MediaDescription m : media) {
            out.add(change.apply(m));
        }
        return out;
    }

    /** The serialised body, CRLF after every line. */
    @Override
    public String toString() {
        String result = text;
        if (result == null) {
            StringBuilder out = new StringBuilder(256);
            appendLines(out, sessionLines);
            for (MediaDescription m : media) {
                appendLines(out, m.lines());
            }
            result = out.toString();
            text = result;
        }
        return result;
    }

    /** The serialised body as UTF-8, a new array each call. */
    public byte[] toBytes() {
        return toString().getBytes(StandardCharsets.UTF_8);
    }

    static void appendLines(StringBuilder out, List<SdpLine> lines) {
        for (SdpLine line : lines) {
            out.append(line.type()).append('=').append(line.value()).append(CRLF);
        }
    }

    /** Same lines in the same order. */
    @Override
    public boolean equals(Object o) {
        return o instanceof SessionDescription other && sessionLines.equals(other.sessionLines)
                && media.equals(other.media);
    }

    @Override
    public int hashCode() {
        return 31 * sessionLines.hashCode() + media.hashCode();
    }
}
