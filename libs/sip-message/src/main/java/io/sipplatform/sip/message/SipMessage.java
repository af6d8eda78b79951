package io.sipplatform.sip.message;

import io.sipplatform.sip.SipParseException;
import io.sipplatform.sip.grammar.HeaderValues;
import io.sipplatform.sip.header.AuthValue;
import io.sipplatform.sip.header.CSeq;
import io.sipplatform.sip.header.Contact;
import io.sipplatform.sip.header.ContentType;
import io.sipplatform.sip.header.NameAddr;
import io.sipplatform.sip.header.RetryAfter;
import io.sipplatform.sip.header.Via;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * An immutable SIP message framed from bytes: the start line and header structure were validated by the framer;
 * each header value is parsed on first access and fully validated then, throwing {@link SipParseException} if
 * invalid ("frame fast, parse lazily"). Parsed values are cached; a message may be read from several threads.
 *
 * <p>Changes go through {@link #toBuilder()}, which writes every untouched header back byte for byte.
 */
public abstract sealed class SipMessage permits SipRequest, SipResponse {
    final byte[] buf;
    final int base;
    final int length;
    final int[] fields;
    final int fieldCount;
    final int startLineEnd;
    final int headEnd;
    final int bodyStart;
    final int bodyLength;
    final int contentLength;

    // lazily parsed; racy caching of immutable values is benign
    private Via topVia;
    private List<Via> vias;
    private String callId;
    private CSeq cseq;
    private NameAddr from;
    private NameAddr to;

    SipMessage(byte[] buf, int base, int length, int[] fields, int fieldCount, int startLineEnd, int headEnd,
               int bodyStart, int bodyLength, int contentLength) {
        this.buf = buf;
        this.base = base;
        this.length = length;
        this.fields = fields;
        this.fieldCount = fieldCount;
        this.startLineEnd = startLineEnd;
        this.headEnd = headEnd;
        this.bodyStart = bodyStart;
        this.bodyLength = bodyLength;
        this.contentLength = contentLength;
    }

    /** True for requests. */
    public abstract boolean isRequest();

    /** The start line as written, without its line end. */
    public String startLine() {
        return new String(buf, base, startLineEnd, StandardCharsets.UTF_8);
    }

    // ---- generic header access

    /** Number of header fields (lines; folded continuations belong to their field). */
    public int headerCount() {
        return fieldCount;
    }

    /** The name of header field {@code i} as written (e.g. {@code v} or {@code VIA}). */
    public String headerName(int i) {
        checkIndex(i);
        int k = i * MessageReader.STRIDE;
        return MessageReader.ascii(buf, base + fields[k], fields[k + 1] - fields[k]);
    }

    /** The known name of field {@code i}, or an unknown {@link HeaderName} for other tokens. */
    public HeaderName headerNameOf(int i) {
        checkIndex(i);
        int id = idOf(i);
        return id >= 0 ? HeaderName.byId(id) : new HeaderName(headerName(i), (char) 0, false, -1);
    }

    /** The value of header field {@code i}: unfolded (RFC 3261 §7.3.1), trimmed, otherwise verbatim. */
    public String headerValue(int i) {
        checkIndex(i);
        return decodeValue(buf, base, fields, i);
    }

    /** The first field's whole value for a header (any case, long or compact form), or null if absent. */
    public String header(String name) {
        return header(HeaderName.of(name));
    }

    /** The first field's whole value, or null if absent. */
    public String header(HeaderName name) {
        int f = find(name, 0);
        return f < 0 ? null : decodeValue(buf, base, fields, f);
    }

    /** Whether at least one field of this header is present. */
    public boolean hasHeader(HeaderName name) {
        return find(name, 0) >= 0;
    }

    /** Every field's whole value for a header, in order (one entry per line; not split at commas). */
    public List<String> headerFields(HeaderName name) {
        List<String> out = null;
        for (int f = find(name, 0); f >= 0; f = find(name, f + 1)) {
            if (out == null) {
                out = new ArrayList<>(2);
            }
            out.add(decodeValue(buf, base, fields, f));
        }
        return out == null ? List.of() : Collections.unmodifiableList(out);
    }

    /**
     * Every value of a header in order. For headers that allow comma-joined values ({@link HeaderName#list()}) each
     * line is split at top-level commas; other headers give one value per line.
     *
     * @throws SipParseException if a list header line cannot be split (unbalanced quote or angle bracket)
     */
    public List<String> headerValues(HeaderName name) {
        List<String> lines = headerFields(name);
        if (!name.list() || lines.isEmpty()) {
            return lines;
        }
        List<String> out = new ArrayList<>(lines.size() + 2);
        for (String line : lines) {
            out.addAll(HeaderValues.split(line));
        }
        return Collections.unmodifiableList(out);
    }

    // ---- typed accessors (RFC 3261 §20)

    /** The first Via value (this hop's sender). @throws SipParseException if invalid */
    public Via topVia() {
        Via v = topVia;
        if (v == null) {
            int f = find(HeaderName.VIA, 0);
            if (f < 0) {
                throw new SipParseException("no Via");
            }
            String line = decodeValue(buf, base, fields, f);
            int end = HeaderValues.valueEnd(line, 0, line.length());
            v = Via.parse(end == line.length() ? line : line.substring(0, end));
            topVia = v;
        }
        return v;
    }

    /** All Via values, top first. @throws SipParseException if any is invalid */
    public List<Via> vias() {
        List<Via> v = vias;
        if (v == null) {
            List<String> values = headerValues(HeaderName.VIA);
            Via[] parsed = new Via[values.size()];
            for (int i = 0; i < parsed.length; i++) {
                parsed[i] = Via.parse(values.get(i));
            }
            v = List.of(parsed);
            vias = v;
        }
        return v;
    }

    /** Number of Via values, counting comma-joined ones. */
    public int viaCount() {
        return headerValues(HeaderName.VIA).size();
    }

    /** Call-ID (RFC 3261 §20.8). @throws SipParseException if absent or invalid */
    public String callId() {
        String c = callId;
        if (c == null) {
            c = HeaderValues.callId(required(HeaderName.CALL_ID));
            callId = c;
        }
        return c;
    }

    /** CSeq (RFC 3261 §20.16). @throws SipParseException if absent or invalid */
    public CSeq cseq() {
        CSeq c = cseq;
        if (c == null) {
            c = CSeq.parse(required(HeaderName.CSEQ));
            cseq = c;
        }
        return c;
    }

    /** From (RFC 3261 §20.20). @throws SipParseException if absent or invalid */
    public NameAddr from() {
        NameAddr a = from;
        if (a == null) {
            a = NameAddr.parse(required(HeaderName.FROM));
            from = a;
        }
        return a;
    }

    /** To (RFC 3261 §20.39). @throws SipParseException if absent or invalid */
    public NameAddr to() {
        NameAddr a = to;
        if (a == null) {
            a = NameAddr.parse(required(HeaderName.TO));
            to = a;
        }
        return a;
    }

    /** The From tag, or null. */
    public String fromTag() {
        return from().tag();
    }

    /** The To tag, or null (out-of-dialog request, or a response without one). */
    public String toTag() {
        return to().tag();
    }

    /** Max-Forwards 0..255, or -1 when absent (RFC 3261 §20.22). @throws SipParseException if invalid */
    public int maxForwards() {
        return hasHeader(HeaderName.MAX_FORWARDS) ? HeaderValues.maxForwards(required(HeaderName.MAX_FORWARDS)) : -1;
    }

    /** Route values in order (RFC 3261 §20.34). */
    public List<NameAddr> routes() {
        return nameAddrs(HeaderName.ROUTE);
    }

    /** Record-Route values in order. */
    public List<NameAddr> recordRoutes() {
        return nameAddrs(HeaderName.RECORD_ROUTE);
    }

    /** Path values in order (RFC 3327). */
    public List<NameAddr> paths() {
        return nameAddrs(HeaderName.PATH);
    }

    /** The first Route value, or null. */
    public NameAddr topRoute() {
        int f = find(HeaderName.ROUTE, 0);
        if (f < 0) {
            return null;
        }
        String line = decodeValue(buf, base, fields, f);
        int end = HeaderValues.valueEnd(line, 0, line.length());
        return NameAddr.parseNameAddr(end == line.length() ? line : line.substring(0, end));
    }

    /** True when Contact is the wildcard {@code *} (RFC 3261 §10.2.2). */
    public boolean isContactWildcard() {
        for (String v : headerFields(HeaderName.CONTACT)) {
            if (Contact.isWildcard(v)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Contact values in order; empty for the wildcard.
     *
     * @throws SipParseException if a value is invalid, or the wildcard is mixed with other contacts
     */
    public List<Contact> contacts() {
        List<String> values = headerValues(HeaderName.CONTACT);
        List<Contact> out = new ArrayList<>(values.size());
        boolean wildcard = false;
        for (String v : values) {
            if (Contact.isWildcard(v)) {
                wildcard = true;
            } else {
                out.add(Contact.parse(v));
            }
        }
        if (wildcard && (!out.isEmpty() || values.size() > 1)) {
            throw new SipParseException("Contact: * must be the only contact");
        }
        return List.copyOf(out);
    }

    /** Expires delta-seconds, or -1 when absent. */
    public long expires() {
        String v = header(HeaderName.EXPIRES);
        return v == null ? -1 : HeaderValues.deltaSeconds(v);
    }

    /** Min-Expires delta-seconds, or -1 when absent. */
    public long minExpires() {
        String v = header(HeaderName.MIN_EXPIRES);
        return v == null ? -1 : HeaderValues.deltaSeconds(v);
    }

    /** Content-Type, or null when absent. */
    public ContentType contentType() {
        String v = header(HeaderName.CONTENT_TYPE);
        return v == null ? null : ContentType.parse(v);
    }

    /** Authorization values. */
    public List<AuthValue> authorizations() {
        return auth(HeaderName.AUTHORIZATION);
    }

    /** Proxy-Authorization values. */
    public List<AuthValue> proxyAuthorizations() {
        return auth(HeaderName.PROXY_AUTHORIZATION);
    }

    /** WWW-Authenticate challenges. */
    public List<AuthValue> wwwAuthenticates() {
        return auth(HeaderName.WWW_AUTHENTICATE);
    }

    /** Proxy-Authenticate challenges. */
    public List<AuthValue> proxyAuthenticates() {
        return auth(HeaderName.PROXY_AUTHENTICATE);
    }

    /** Require option tags. */
    public List<String> require() {
        return tokens(HeaderName.REQUIRE);
    }

    /** Proxy-Require option tags. */
    public List<String> proxyRequire() {
        return tokens(HeaderName.PROXY_REQUIRE);
    }

    /** Supported option tags. */
    public List<String> supported() {
        return tokens(HeaderName.SUPPORTED);
    }

    /** Unsupported option tags. */
    public List<String> unsupported() {
        return tokens(HeaderName.UNSUPPORTED);
    }

    /** Allow methods. */
    public List<String> allow() {
        return tokens(HeaderName.ALLOW);
    }

    /** Retry-After, or null when absent. */
    public RetryAfter retryAfter() {
        String v = header(HeaderName.RETRY_AFTER);
        return v == null ? null : RetryAfter.parse(v);
    }

    // ---- body and bytes

    /** Content-Length as received, or -1 when the message had none. */
    public int contentLength() {
        return contentLength;
    }

    /** Body length in bytes (a datagram body longer than Content-Length was truncated to it, RFC 3261 §18.3). */
    public int bodyLength() {
        return bodyLength;
    }

    /** A copy of the body. */
    public byte[] body() {
        return Arrays.copyOfRange(buf, base + bodyStart, base + bodyStart + bodyLength);
    }

    /** A read-only view of the body, without copying. */
    public ByteBuffer bodyBuffer() {
        return ByteBuffer.wrap(buf, base + bodyStart, bodyLength).slice().asReadOnlyBuffer();
    }

    /** Length in bytes of the whole framed message. */
    public int length() {
        return bodyStart + bodyLength;
    }

    /** A copy of the message's bytes as framed (trailing datagram bytes beyond Content-Length excluded). */
    public byte[] toBytes() {
        return Arrays.copyOfRange(buf, base, base + length());
    }

    /** A builder starting from this message; untouched parts are written back byte for byte. */
    public SipMessageBuilder toBuilder() {
        return new SipMessageBuilder(this);
    }

    /** The message as UTF-8 text (for logs and tests). */
    @Override
    public String toString() {
        return new String(buf, base, length(), StandardCharsets.UTF_8);
    }

    // ---- internals

    /** The value of a header that must appear exactly once (RFC 3261 §7.3.1; RFC 4475 §3.1.2.17 multi01). */
    private String required(HeaderName name) {
        int f = find(name, 0);
        if (f < 0) {
            throw new SipParseException("missing " + name.name());
        }
        if (find(name, f + 1) >= 0) {
            throw new SipParseException("more than one " + name.name());
        }
        return decodeValue(buf, base, fields, f);
    }

    /** Route, Record-Route and Path values: name-addr form only (RFC 3261 §25, RFC 3327). */
    private List<NameAddr> nameAddrs(HeaderName name) {
        List<String> values = headerValues(name);
        if (values.isEmpty()) {
            return List.of();
        }
        NameAddr[] out = new NameAddr[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = NameAddr.parseNameAddr(values.get(i));
        }
        return List.of(out);
    }

    private List<AuthValue> auth(HeaderName name) {
        List<String> lines = headerFields(name);
        if (lines.isEmpty()) {
            return List.of();
        }
        AuthValue[] out = new AuthValue[lines.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = AuthValue.parse(lines.get(i));
        }
        return List.of(out);
    }

    private List<String> tokens(HeaderName name) {
        List<String> lines = headerFields(name);
        if (lines.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            out.addAll(HeaderValues.tokens(line));
        }
        return List.copyOf(out);
    }

    private void checkIndex(int i) {
        if (i < 0 || i >= fieldCount) {
            throw new IndexOutOfBoundsException("header field " + i + " of " + fieldCount);
        }
    }

    int idOf(int f) {
        return (fields[f * MessageReader.STRIDE + 5] & MessageReader.ID_MASK) - 1;
    }

    /** Index of the first field at or after {@code from} with this name, or -1. */
    int find(HeaderName name, int from) {
        int id = name.id();
        if (id >= 0) {
            for (int f = from; f < fieldCount; f++) {
                if ((fields[f * MessageReader.STRIDE + 5] & MessageReader.ID_MASK) == id + 1) {
                    return f;
                }
            }
            return -1;
        }
        byte[] want = name.name().getBytes(StandardCharsets.UTF_8);
        for (int f = from; f < fieldCount; f++) {
            int k = f * MessageReader.STRIDE;
            if (idOf(f) < 0 && fields[k + 1] - fields[k] == want.length
                    && equalsIgnoreCase(want, buf, base + fields[k])) {
                return f;
            }
        }
        return -1;
    }

    private static boolean equalsIgnoreCase(byte[] want, byte[] b, int at) {
        for (int i = 0; i < want.length; i++) {
            int x = want[i];
            int y = b[at + i];
            if (x != y && ((x | 0x20) != (y | 0x20) || !Character.isLetter((char) (x | 0x20)))) {
                return false;
            }
        }
        return true;
    }

    /** Decodes field {@code f}'s value as UTF-8, replacing each fold (CRLF or LF plus white space) by one SP. */
    static String decodeValue(byte[] buf, int base, int[] fields, int f) {
        int k = f * MessageReader.STRIDE;
        int vs = fields[k + 2];
        int ve = fields[k + 3];
        if ((fields[k + 5] & MessageReader.FLAG_FOLDED) == 0) {
            return new String(buf, base + vs, ve - vs, StandardCharsets.UTF_8);
        }
        byte[] out = new byte[ve - vs];
        int n = 0;
        int i = base + vs;
        int end = base + ve;
        while (i < end) {
            byte b = buf[i];
            if (b == '\r' || b == '\n') {
                // drop white space before the line end, the line end, and the continuation's leading white space
                while (n > 0 && (out[n - 1] == ' ' || out[n - 1] == '\t')) {
                    n--;
                }
                while (i < end && (buf[i] == '\r' || buf[i] == '\n' || buf[i] == ' ' || buf[i] == '\t')) {
                    i++;
                }
                out[n++] = ' ';
            } else {
                out[n++] = b;
                i++;
            }
        }
        return new String(out, 0, n, StandardCharsets.UTF_8);
    }
}
