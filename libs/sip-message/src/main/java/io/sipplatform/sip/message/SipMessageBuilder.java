package io.sipplatform.sip.message;

import io.sipplatform.sip.SipParseException;
import io.sipplatform.sip.grammar.HeaderValues;
import io.sipplatform.sip.header.NameAddr;
import io.sipplatform.sip.header.Via;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Changes a message, or makes a new one. Header fields taken from a source message and not touched are written back
 * byte for byte; changed or new fields are written as {@code Name: value}. On output the Content-Length always
 * matches the body (added when missing, as streams require it: RFC 3261 §20.14).
 *
 * <p>Arguments are checked: header names must be tokens and values must not contain CR or LF (no header
 * injection); violations throw {@link IllegalArgumentException}, which is a programming error, not bad input.
 */
public final class SipMessageBuilder {
    private static final byte[] CRLF = {'\r', '\n'};
    private static final FrameLimits BUILD_LIMITS = new FrameLimits(1 << 20, 4096, 1 << 20, 1 << 20);
    /** Framer reused per thread: build() is on the proxy's hot path (every forwarded request and response). */
    private static final ThreadLocal<DatagramFramer> FRAMER =
            ThreadLocal.withInitial(() -> new DatagramFramer(BUILD_LIMITS));

    /** One header field: raw from the source ({@code value == null}) or written from strings. */
    private static final class Field {
        final HeaderName name;
        final String written;
        final SipMessage from;
        final int src;
        final String value;

        Field(HeaderName name, String written, SipMessage from, int src, String value) {
            this.name = name;
            this.written = written;
            this.from = from;
            this.src = src;
            this.value = value;
        }
    }

    private final SipMessage source;
    private String startLine;
    private boolean request;
    private String method;
    private final List<Field> fields;
    private byte[] body;

    SipMessageBuilder(SipMessage source) {
        this.source = source;
        this.request = source.isRequest();
        this.method = request ? ((SipRequest) source).method().name() : null;
        this.fields = new ArrayList<>(source.fieldCount + 4);
        for (int f = 0; f < source.fieldCount; f++) {
            int id = source.idOf(f);
            HeaderName name = id >= 0 ? HeaderName.byId(id) : HeaderName.of(source.headerName(f));
            fields.add(new Field(name, source.headerName(f), source, f, null));
        }
    }

    private SipMessageBuilder(String startLine, boolean request, String method) {
        this.source = null;
        this.startLine = startLine;
        this.request = request;
        this.method = method;
        this.fields = new ArrayList<>(12);
        this.body = new byte[0];
    }

    /** A new request with an empty header set. */
    public static SipMessageBuilder request(SipMethod method, String requestUri) {
        checkUriText(requestUri);
        return new SipMessageBuilder(method.name() + " " + requestUri + " SIP/2.0", true, method.name());
    }

    /** A new response with an empty header set. */
    public static SipMessageBuilder response(SipStatus status) {
        return new SipMessageBuilder("SIP/2.0 " + status.code() + " " + status.reason(), false, null);
    }

    /**
     * A response to {@code request} (RFC 3261 §8.2.6.2): its Via values, From, To, Call-ID and CSeq copied byte for
     * byte, in order.
     */
    public static SipMessageBuilder responseTo(SipRequest request, SipStatus status) {
        SipMessageBuilder b = response(status);
        for (int f = 0; f < request.fieldCount; f++) {
            int id = request.idOf(f);
            if (id == HeaderName.VIA.id() || id == HeaderName.FROM.id() || id == HeaderName.TO.id()
                    || id == HeaderName.CALL_ID.id() || id == HeaderName.CSEQ.id()) {
                b.fields.add(new Field(HeaderName.byId(id), request.headerName(f), request, f, null));
            }
        }
        return b;
    }

    /** A response to a malformed but answerable request, from the headers that could be read. */
    public static SipMessageBuilder responseTo(MandatoryHeaders request, SipStatus status) {
        if (!request.answerable()) {
            throw new IllegalArgumentException("request is not answerable: mandatory headers missing");
        }
        SipMessageBuilder b = response(status);
        for (String via : request.vias()) {
            b.addHeader(HeaderName.VIA, via);
        }
        b.addHeader(HeaderName.FROM, request.from());
        b.addHeader(HeaderName.TO, request.to());
        b.addHeader(HeaderName.CALL_ID, request.callId());
        b.addHeader(HeaderName.CSEQ, request.cseq());
        return b;
    }

    // ---- start line

    /** Replaces the Request-URI (RFC 3261 §16.6 step 2, §16.12 strict-router fix-up). */
    public SipMessageBuilder requestUri(String uri) {
        if (!request) {
            throw new IllegalStateException("not a request");
        }
        checkUriText(uri);
        startLine = method + " " + uri + " SIP/2.0";
        return this;
    }

    /** Replaces the status line of a response. */
    public SipMessageBuilder status(SipStatus status) {
        if (request) {
            throw new IllegalStateException("not a response");
        }
        startLine = "SIP/2.0 " + status.code() + " " + status.reason();
        return this;
    }

    // ---- Via, Route, Record-Route, Max-Forwards

    /** Adds a Via value on top (RFC 3261 §16.6 step 8). */
    public SipMessageBuilder pushVia(Via via) {
        return pushVia(via.toString());
    }

    /** Adds a Via value, given as text, on top. */
    public SipMessageBuilder pushVia(String via) {
        insertBeforeFirst(HeaderName.VIA, via, 0);
        return this;
    }

    /** Removes the top Via value (RFC 3261 §16.7 step 3), splitting a comma-joined line if needed. */
    public SipMessageBuilder popVia() {
        popFirstValue(HeaderName.VIA);
        return this;
    }

    /** Adds a Record-Route value above the existing ones (RFC 3261 §16.6 step 4). */
    public SipMessageBuilder addRecordRoute(NameAddr recordRoute) {
        return addRecordRoute(recordRoute.toString());
    }

    /** Adds a Record-Route value, given as text, above the existing ones. */
    public SipMessageBuilder addRecordRoute(String recordRoute) {
        insertBeforeFirst(HeaderName.RECORD_ROUTE, recordRoute, afterLast(HeaderName.VIA));
        return this;
    }

    /** Adds a Route value above the existing ones. */
    public SipMessageBuilder pushRoute(String route) {
        insertBeforeFirst(HeaderName.ROUTE, route, afterLast(HeaderName.VIA));
        return this;
    }

    /** Removes the top Route value (RFC 3261 §16.4 loose routing). */
    public SipMessageBuilder popRoute() {
        popFirstValue(HeaderName.ROUTE);
        return this;
    }

    /** Adds a Path value above the existing ones (RFC 3327 §5). */
    public SipMessageBuilder addPath(String path) {
        insertBeforeFirst(HeaderName.PATH, path, afterLast(HeaderName.VIA));
        return this;
    }

    /**
     * Decrements Max-Forwards, or adds it with 70 when absent (RFC 3261 §16.6 step 3).
     *
     * @throws SipParseException if the present value is invalid
     */
    public SipMessageBuilder decrementMaxForwards() {
        int i = indexOf(HeaderName.MAX_FORWARDS, 0);
        if (i < 0) {
            fields.add(afterLast(HeaderName.VIA), newField(HeaderName.MAX_FORWARDS, "70"));
            return this;
        }
        int v = HeaderValues.maxForwards(valueOf(fields.get(i)));
        fields.set(i, renamed(fields.get(i), Integer.toString(Math.max(v - 1, 0))));
        return this;
    }

    // ---- generic headers

    /** Appends a field at the end of the header. */
    public SipMessageBuilder addHeader(HeaderName name, String value) {
        fields.add(newField(name, value));
        return this;
    }

    /** Appends a field at the end of the header. */
    public SipMessageBuilder addHeader(String name, String value) {
        return addHeader(HeaderName.of(name), value);
    }

    /** Replaces every field of this name by one with {@code value}, at the first one's place (appended if none). */
    public SipMessageBuilder setHeader(HeaderName name, String value) {
        int i = indexOf(name, 0);
        if (i < 0) {
            return addHeader(name, value);
        }
        fields.set(i, renamed(fields.get(i), value));
        for (int j = indexOf(name, i + 1); j >= 0; j = indexOf(name, i + 1)) {
            fields.remove(j);
        }
        return this;
    }

    /** Removes every field of this name. */
    public SipMessageBuilder removeHeader(HeaderName name) {
        fields.removeIf(f -> same(f.name, name));
        return this;
    }

    /** Copies every field of {@code name} from {@code from} to the end of this message, byte for byte. */
    public SipMessageBuilder copyHeader(SipMessage from, HeaderName name) {
        for (int f = from.find(name, 0); f >= 0; f = from.find(name, f + 1)) {
            fields.add(new Field(name, from.headerName(f), from, f, null));
        }
        return this;
    }

    /** Adds {@code ;tag=} to To unless it already has a tag (RFC 3261 §8.2.6.2). */
    public SipMessageBuilder toTagIfAbsent(String tag) {
        int i = indexOf(HeaderName.TO, 0);
        if (i < 0) {
            throw new IllegalStateException("no To header");
        }
        String to = valueOf(fields.get(i));
        boolean hasTag;
        try {
            hasTag = NameAddr.parse(to).tag() != null;
        } catch (SipParseException e) {
            hasTag = false;
        }
        if (!hasTag) {
            fields.set(i, renamed(fields.get(i), to + ";tag=" + tag));
        }
        return this;
    }

    // ---- body

    /** Replaces the body and its Content-Type (null keeps the current Content-Type; empty body removes it). */
    public SipMessageBuilder body(byte[] newBody, String contentType) {
        this.body = newBody.clone();
        if (newBody.length == 0) {
            removeHeader(HeaderName.CONTENT_TYPE);
        } else if (contentType != null) {
            setHeader(HeaderName.CONTENT_TYPE, contentType);
        }
        return this;
    }

    // ---- output

    /** Writes the message. */
    public byte[] toBytes() {
        byte[] b = body != null ? body : source.body();
        fixContentLength(b.length);
        Out out = new Out(source != null ? source.length() + 256 : 512 + b.length);
        if (startLine == null) {
            out.write(source.buf, source.base, source.startLineEnd);
        } else {
            out.write(startLine);
        }
        out.write(CRLF, 0, 2);
        for (Field f : fields) {
            if (f.value == null) {
                SipMessage m = f.from;
                int k = f.src * MessageReader.STRIDE;
                out.write(m.buf, m.base + m.fields[k], m.fields[k + 4] - m.fields[k]);
            } else {
                out.write(f.written);
                out.write(": ");
                out.write(f.value);
            }
            out.write(CRLF, 0, 2);
        }
        out.write(CRLF, 0, 2);
        out.write(b, 0, b.length);
        return out.bytes();
    }

    /** Writes and frames the result. */
    public SipMessage build() {
        byte[] bytes = toBytes();
        Framed framed = FRAMER.get().frame(bytes);
        if (framed instanceof Framed.Message m) {
            return m.message();
        }
        throw new IllegalStateException("built message does not frame: " + framed);
    }

    // ---- internals

    /** Every Content-Length field must state the body length; one that already does stays untouched. */
    private void fixContentLength(int length) {
        String len = Integer.toString(length);
        boolean found = false;
        for (int i = 0; i < fields.size(); i++) {
            Field f = fields.get(i);
            if (same(f.name, HeaderName.CONTENT_LENGTH)) {
                found = true;
                if (!sameNumber(valueOf(f), length)) {
                    fields.set(i, renamed(f, len));
                }
            }
        }
        if (!found) {
            fields.add(newField(HeaderName.CONTENT_LENGTH, len));
        }
    }

    private static boolean sameNumber(String digits, int value) {
        try {
            return Long.parseLong(digits.strip()) == value;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private void insertBeforeFirst(HeaderName name, String value, int fallback) {
        int i = indexOf(name, 0);
        fields.add(i >= 0 ? i : fallback, newField(name, value));
    }

    private int afterLast(HeaderName name) {
        int last = -1;
        for (int i = 0; i < fields.size(); i++) {
            if (same(fields.get(i).name, name)) {
                last = i;
            }
        }
        return last + 1;
    }

    private void popFirstValue(HeaderName name) {
        int i = indexOf(name, 0);
        if (i < 0) {
            throw new IllegalStateException("no " + name.name() + " to remove");
        }
        String line = valueOf(fields.get(i));
        int end = HeaderValues.valueEnd(line, 0, line.length());
        if (end >= line.length()) {
            fields.remove(i);
        } else {
            String rest = line.substring(end + 1).strip();
            fields.set(i, renamed(fields.get(i), rest));
        }
    }

    private int indexOf(HeaderName name, int from) {
        for (int i = from; i < fields.size(); i++) {
            if (same(fields.get(i).name, name)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean same(HeaderName a, HeaderName b) {
        if (a.id() >= 0 || b.id() >= 0) {
            return a.id() == b.id();
        }
        return a.name().equalsIgnoreCase(b.name());
    }

    private String valueOf(Field f) {
        return f.value != null ? f.value : f.from.headerValue(f.src);
    }

    private static Field renamed(Field old, String value) {
        checkValue(value);
        return new Field(old.name, old.written, null, -1, value);
    }

    private static Field newField(HeaderName name, String value) {
        checkValue(value);
        return new Field(name, name.name(), null, -1, value);
    }

    /** CR or LF would end the field early (header injection); NUL is legal as a quoted-pair (RFC 3261 §25). */
    private static void checkValue(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n') {
                throw new IllegalArgumentException("header value must not contain CR or LF");
            }
        }
    }

    private static void checkUriText(String uri) {
        if (uri.isEmpty()) {
            throw new IllegalArgumentException("empty Request-URI");
        }
        for (int i = 0; i < uri.length(); i++) {
            char c = uri.charAt(i);
            if (c <= ' ' || c == 0x7f) {
                throw new IllegalArgumentException("Request-URI must not contain white space or controls");
            }
        }
    }

    /** A growable byte buffer without the synchronisation of ByteArrayOutputStream. */
    private static final class Out {
        private byte[] b;
        private int n;

        Out(int capacity) {
            b = new byte[capacity];
        }

        void write(byte[] src, int off, int len) {
            if (n + len > b.length) {
                b = Arrays.copyOf(b, Math.max(b.length * 2, n + len));
            }
            System.arraycopy(src, off, b, n, len);
            n += len;
        }

        void write(String s) {
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            write(bytes, 0, bytes.length);
        }

        byte[] bytes() {
            return n == b.length ? b : Arrays.copyOf(b, n);
        }
    }
}
