package io.sipplatform.sip.message;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The one head scanner behind both framers: finds the start line and header fields of one message, line by line,
 * resumable after any byte (so a stream split at every offset gives the same result as the whole message). It
 * indexes fields as offsets; no header value is decoded here. Not thread-safe; one per framer, reset per message.
 *
 * <p>Offsets are relative to the message start ({@code base}), so a stream framer may move its buffer between
 * calls.
 */
final class MessageReader {
    static final int NEED_MORE = 0;
    static final int HEAD_DONE = 1;
    static final int FAILED = 2;

    /** Ints per indexed field: nameStart, nameEnd, valueStart, valueEnd, contentEnd, flags. */
    static final int STRIDE = 6;
    static final int FLAG_FOLDED = 1 << 16;
    static final int ID_MASK = 0xffff;

    private static final int M_VIA = 1;
    private static final int M_FROM = 2;
    private static final int M_TO = 4;
    private static final int M_CALL_ID = 8;
    private static final int M_CSEQ = 16;
    private static final int M_ALL = 31;

    /** LF, CR and NUL: the only bytes the line scan must look at twice. */
    private static final boolean[] LINE_SPECIAL = new boolean[256];

    static {
        LINE_SPECIAL['\n'] = true;
        LINE_SPECIAL['\r'] = true;
        LINE_SPECIAL[0] = true; // only refused in the start line
    }

    private final FrameLimits limits;

    // scan state
    private int phase; // 0 start line, 1 headers, 2 head done
    private int scan;
    private int lineStart;
    private int fieldStart;
    private int fieldContentEnd;
    private boolean fieldFolded;
    int[] fields = new int[STRIDE * 24];
    int count;
    private int mandatory;

    // results
    boolean request;
    SipMethod method;
    int uriStart;
    int uriEnd;
    int statusCode;
    int reasonStart;
    int startLineEnd;
    int contentLength;
    int headEnd;
    int bodyStart;

    MalformedReason error;
    int errorOffset;
    String errorDetail;
    boolean errorFatal;

    MessageReader(FrameLimits limits) {
        this.limits = limits;
        reset();
    }

    void reset() {
        phase = 0;
        scan = 0;
        lineStart = 0;
        fieldStart = -1;
        fieldFolded = false;
        count = 0;
        mandatory = 0;
        request = false;
        method = null;
        statusCode = 0;
        contentLength = -1;
        headEnd = -1;
        bodyStart = -1;
        error = null;
        errorFatal = false;
        errorDetail = null;
    }

    /** Bytes already examined; a stream framer keeps at least these buffered. */
    int scanned() {
        return scan;
    }

    /**
     * Scans the head of the message starting at {@code buf[base]} with {@code avail} bytes available.
     *
     * @param eof true when no more bytes will come (a datagram): the end of data ends the head
     * @return NEED_MORE, HEAD_DONE (see {@link #error} for non-fatal problems) or FAILED (fatal, see error)
     */
    int scan(byte[] buf, int base, int avail, boolean eof) {
        while (phase < 2) {
            int i = scan;
            int nl = -1;
            boolean crPending = false;
            while (i < avail) {
                i = skipPlain(buf, base + i, base + avail) - base;
                if (i >= avail) {
                    break;
                }
                byte b = buf[base + i];
                if (b == '\n') {
                    nl = i;
                    break;
                }
                if (b == '\r') {
                    if (i + 1 == avail) {
                        crPending = !eof;
                        if (crPending) {
                            break;
                        }
                    } else if (buf[base + i + 1] != '\n') {
                        badByte(i, "bare CR");
                        if (errorFatal) {
                            return FAILED;
                        }
                    }
                } else if (b == 0 && phase == 0) {
                    // NUL may appear in a header as a quoted-pair (RFC 4475 §3.1.1.2); value parsers judge it
                    badByte(i, "NUL byte");
                    return FAILED;
                }
                i++;
            }
            scan = i;
            int contentEnd;
            int next;
            if (nl >= 0) {
                contentEnd = nl > lineStart && buf[base + nl - 1] == '\r' ? nl - 1 : nl;
                next = nl + 1;
            } else if (eof && !crPending) {
                contentEnd = avail > lineStart && buf[base + avail - 1] == '\r' ? avail - 1 : avail;
                next = avail;
            } else {
                // Partial line: fail early if it can only end over a limit (same outcome as scanning it whole).
                int effStart = effectiveStart(buf, base, avail);
                return limitFailure(effStart, i, avail) ? FAILED : NEED_MORE;
            }
            int effStart = effectiveStart(buf, base, next);
            if (limitFailure(effStart, contentEnd, next)) {
                return FAILED;
            }
            if (phase == 0) {
                startLine(buf, base, contentEnd);
                if (errorFatal) {
                    return FAILED;
                }
                phase = 1;
            } else if (contentEnd == lineStart) {
                finishField(buf, base);
                if (errorFatal) {
                    return FAILED;
                }
                headEnd = lineStart;
                bodyStart = next;
                phase = 2;
                break;
            } else if (MessageChars.isWsp(buf[base + lineStart])) {
                // RFC 3261 §7.3.1 folding: continuation of the previous field
                if (fieldStart < 0) {
                    noteError(MalformedReason.BAD_HEADER, lineStart, "continuation line without a header", false);
                } else {
                    fieldFolded = true;
                    fieldContentEnd = contentEnd;
                }
            } else {
                finishField(buf, base);
                if (errorFatal) {
                    return FAILED;
                }
                if (count >= limits.maxHeaderCount()) {
                    noteError(MalformedReason.TOO_MANY_HEADERS, lineStart,
                            "more than " + limits.maxHeaderCount() + " header fields", true);
                    return FAILED;
                }
                fieldStart = lineStart;
                fieldContentEnd = contentEnd;
                fieldFolded = false;
            }
            lineStart = next;
            scan = next;
            if (nl < 0) {
                // end of datagram without the empty line: the head ends here, no body
                finishField(buf, base);
                if (errorFatal) {
                    return FAILED;
                }
                headEnd = next;
                bodyStart = next;
                phase = 2;
            }
        }
        if (phase == 0) {
            return FAILED;
        }
        if ((mandatory & M_ALL) != M_ALL && error == null) {
            noteError(MalformedReason.MISSING_HEADER, headEnd, "missing " + missingNames(), false);
        }
        return HEAD_DONE;
    }

    /**
     * The index of the first LF, CR or NUL in {@code buf[from, to)}, or {@code to}. A separate small method so the
     * JIT compiles this hot loop on its own (2.6 ns/byte inlined in scan, under 1 ns/byte here).
     */
    private static int skipPlain(byte[] buf, int from, int to) {
        int i = from;
        while (i < to && !LINE_SPECIAL[buf[i] & 0xff]) {
            i++;
        }
        return i;
    }

    private int effectiveStart(byte[] buf, int base, int avail) {
        if (phase == 0) {
            return 0;
        }
        if (fieldStart >= 0 && lineStart < avail && MessageChars.isWsp(buf[base + lineStart])) {
            return fieldStart;
        }
        return lineStart;
    }

    /** Line and message size limits; whichever threshold comes first in the byte stream wins. */
    private boolean limitFailure(int effStart, int contentEnd, int total) {
        boolean lineBad = contentEnd - effStart > limits.maxHeaderLineBytes();
        boolean msgBad = total > limits.maxMessageBytes();
        if (!lineBad && !msgBad) {
            return false;
        }
        if (lineBad && (!msgBad || effStart + limits.maxHeaderLineBytes() < limits.maxMessageBytes())) {
            noteError(MalformedReason.HEADER_LINE_TOO_LONG, effStart,
                    (phase == 0 ? "start line" : "header field") + " longer than " + limits.maxHeaderLineBytes(),
                    true);
        } else {
            noteError(MalformedReason.MESSAGE_TOO_LARGE, limits.maxMessageBytes(),
                    "message longer than " + limits.maxMessageBytes(), true);
        }
        return true;
    }

    private void badByte(int at, String what) {
        if (phase == 0) {
            noteError(MalformedReason.BAD_START_LINE, at, what + " in start line", true);
        } else {
            noteError(MalformedReason.BAD_HEADER, at, what + " in header", false);
        }
    }

    /** The first error wins, except that a fatal one replaces a non-fatal one: the framer stops on it. */
    private void noteError(MalformedReason reason, int at, String detail, boolean fatal) {
        if (error == null || (fatal && !errorFatal)) {
            error = reason;
            errorOffset = at;
            errorDetail = detail;
        }
        if (fatal) {
            errorFatal = true;
        }
    }

    // ---- start line (RFC 3261 §7.1, §7.2)

    private void startLine(byte[] buf, int base, int end) {
        startLineEnd = end;
        if (end == 0) {
            noteError(MalformedReason.BAD_START_LINE, 0, "empty start line", true);
            return;
        }
        if (end >= 4 && (buf[base] | 0x20) == 's' && (buf[base + 1] | 0x20) == 'i' && (buf[base + 2] | 0x20) == 'p'
                && buf[base + 3] == '/') {
            statusLine(buf, base, end);
        } else {
            requestLine(buf, base, end);
        }
    }

    private void requestLine(byte[] buf, int base, int end) {
        int i = 0;
        while (i < end && MessageChars.isToken(buf[base + i])) {
            i++;
        }
        if (i == 0 || i >= end || buf[base + i] != ' ') {
            noteError(MalformedReason.BAD_START_LINE, i, "request line: bad method", true);
            return;
        }
        int methodEnd = i;
        int us = i + 1;
        int j = us;
        while (j < end && buf[base + j] > ' ' && buf[base + j] != 0x7f) {
            j++;
        }
        if (j == us || j >= end || buf[base + j] != ' ') {
            noteError(MalformedReason.BAD_START_LINE, j, "request line: bad Request-URI", true);
            return;
        }
        int vs = j + 1;
        int version = version(buf, base, vs, end);
        if (version < 0) {
            noteError(MalformedReason.BAD_START_LINE, vs, "request line: bad SIP-Version", true);
            return;
        }
        request = true;
        method = SipMethod.of(buf, base, base + methodEnd);
        uriStart = us;
        uriEnd = j;
        if (version == 0) {
            noteError(MalformedReason.UNSUPPORTED_VERSION, vs, "SIP-Version is not SIP/2.0", false);
        }
    }

    private void statusLine(byte[] buf, int base, int end) {
        int sp = 4;
        while (sp < end && buf[base + sp] != ' ') {
            sp++;
        }
        int version = version(buf, base, 0, sp);
        if (version < 0 || sp >= end) {
            noteError(MalformedReason.BAD_START_LINE, 0, "status line: bad SIP-Version", true);
            return;
        }
        request = false;
        int cs = sp + 1;
        int ce = cs;
        while (ce < end && buf[base + ce] >= '0' && buf[base + ce] <= '9') {
            ce++;
        }
        if (ce - cs != 3 || (ce < end && buf[base + ce] != ' ')) {
            noteError(MalformedReason.BAD_STATUS_CODE, cs, "status line: Status-Code is not 3 digits", false);
            statusCode = 0;
            reasonStart = end;
            return;
        }
        int code = (buf[base + cs] - '0') * 100 + (buf[base + cs + 1] - '0') * 10 + (buf[base + cs + 2] - '0');
        statusCode = code;
        reasonStart = ce < end ? ce + 1 : end;
        for (int k = reasonStart; k < end; k++) {
            int b = buf[base + k] & 0xff;
            if (b < ' ' && b != '\t' || b == 0x7f) {
                noteError(MalformedReason.BAD_START_LINE, k, "status line: control character in Reason-Phrase",
                        true);
                return;
            }
        }
        if (code < 100 || code > 699) {
            noteError(MalformedReason.BAD_STATUS_CODE, cs, "status line: Status-Code out of 100-699", false);
        }
        if (version == 0) {
            noteError(MalformedReason.UNSUPPORTED_VERSION, 0, "SIP-Version is not SIP/2.0", false);
        }
    }

    /** 1 for SIP/2.0 (any case), 0 for another SIP/x.y version, -1 for anything else. */
    private static int version(byte[] buf, int base, int from, int to) {
        int len = to - from;
        if (len < 7 || (buf[base + from] | 0x20) != 's' || (buf[base + from + 1] | 0x20) != 'i'
                || (buf[base + from + 2] | 0x20) != 'p' || buf[base + from + 3] != '/') {
            return -1;
        }
        int i = from + 4;
        int d1 = i;
        while (i < to && isDigit(buf[base + i])) {
            i++;
        }
        if (i == d1 || i >= to || buf[base + i] != '.') {
            return -1;
        }
        int d2 = ++i;
        while (i < to && isDigit(buf[base + i])) {
            i++;
        }
        if (i == d2 || i != to) {
            return -1;
        }
        return len == 7 && buf[base + from + 4] == '2' && buf[base + from + 6] == '0' ? 1 : 0;
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    // ---- header fields

    private void finishField(byte[] buf, int base) {
        if (fieldStart < 0) {
            return;
        }
        int fs = fieldStart;
        int ce = fieldContentEnd;
        fieldStart = -1;
        int i = fs;
        while (i < ce && MessageChars.isToken(buf[base + i])) {
            i++;
        }
        int nameEnd = i;
        while (i < ce && MessageChars.isWsp(buf[base + i])) {
            i++;
        }
        if (nameEnd == fs || i >= ce || buf[base + i] != ':') {
            noteError(MalformedReason.BAD_HEADER, fs, "header line is not name \":\" value", false);
            return;
        }
        i++;
        while (i < ce && (MessageChars.isWsp(buf[base + i]) || buf[base + i] == '\r' || buf[base + i] == '\n')) {
            i++;
        }
        int ve = ce;
        while (ve > i && MessageChars.isWsp(buf[base + ve - 1])) {
            ve--;
        }
        HeaderName name = HeaderName.lookup(buf, base + fs, base + nameEnd);
        int id = name == null ? -1 : name.id();
        if (count * STRIDE + STRIDE > fields.length) {
            fields = Arrays.copyOf(fields, fields.length * 2);
        }
        int k = count * STRIDE;
        fields[k] = fs;
        fields[k + 1] = nameEnd;
        fields[k + 2] = i;
        fields[k + 3] = ve;
        fields[k + 4] = ce;
        fields[k + 5] = (id + 1) | (fieldFolded ? FLAG_FOLDED : 0);
        count++;
        if (name != null) {
            onKnown(name, buf, base, i, ve);
        }
    }

    private void onKnown(HeaderName name, byte[] buf, int base, int vs, int ve) {
        if (name == HeaderName.VIA) {
            mandatory |= M_VIA;
        } else if (name == HeaderName.FROM) {
            mandatory |= M_FROM;
        } else if (name == HeaderName.TO) {
            mandatory |= M_TO;
        } else if (name == HeaderName.CALL_ID) {
            mandatory |= M_CALL_ID;
        } else if (name == HeaderName.CSEQ) {
            mandatory |= M_CSEQ;
        } else if (name == HeaderName.CONTENT_LENGTH) {
            contentLength(buf, base, vs, ve);
        }
    }

    private void contentLength(byte[] buf, int base, int vs, int ve) {
        long v = 0;
        int i = vs;
        while (i < ve && isDigit(buf[base + i])) {
            // a huge but numeric value saturates: the framer then reports BODY_TOO_LARGE
            v = Math.min(v * 10 + (buf[base + i] - '0'), Integer.MAX_VALUE);
            i++;
        }
        if (i == vs || i != ve) {
            noteError(MalformedReason.BAD_CONTENT_LENGTH, vs, "Content-Length is not 1*DIGIT", true);
            return;
        }
        if (contentLength >= 0 && contentLength != v) {
            noteError(MalformedReason.BAD_CONTENT_LENGTH, vs, "conflicting Content-Length values", true);
            return;
        }
        contentLength = (int) v;
    }

    private String missingNames() {
        StringBuilder sb = new StringBuilder();
        if ((mandatory & M_VIA) == 0) {
            sb.append("Via ");
        }
        if ((mandatory & M_FROM) == 0) {
            sb.append("From ");
        }
        if ((mandatory & M_TO) == 0) {
            sb.append("To ");
        }
        if ((mandatory & M_CALL_ID) == 0) {
            sb.append("Call-ID ");
        }
        if ((mandatory & M_CSEQ) == 0) {
            sb.append("CSeq ");
        }
        return sb.toString().trim();
    }

    // ---- results

    /** The mandatory headers indexed so far, for answering a malformed request. */
    MandatoryHeaders readable(byte[] buf, int base) {
        List<String> vias = new ArrayList<>(2);
        String from = null;
        String to = null;
        String callId = null;
        String cseq = null;
        for (int f = 0; f < count; f++) {
            int id = (fields[f * STRIDE + 5] & ID_MASK) - 1;
            if (id < 0) {
                continue;
            }
            if (id == HeaderName.VIA.id()) {
                String v = value(buf, base, f);
                if (v == null) {
                    return new MandatoryHeaders(null, List.of(), null, null, null, null);
                }
                vias.add(v);
            } else if (id == HeaderName.FROM.id() && from == null) {
                from = value(buf, base, f);
            } else if (id == HeaderName.TO.id() && to == null) {
                to = value(buf, base, f);
            } else if (id == HeaderName.CALL_ID.id() && callId == null) {
                callId = value(buf, base, f);
            } else if (id == HeaderName.CSEQ.id() && cseq == null) {
                cseq = value(buf, base, f);
            }
        }
        String m = request && method != null ? method.name() : null;
        return new MandatoryHeaders(m, vias, from, to, callId, cseq);
    }

    /** A field's value, or null when it holds a bare CR: copied into a response, it would inject a line end. */
    private String value(byte[] buf, int base, int f) {
        String v = SipMessage.decodeValue(buf, base, fields, f);
        return v.indexOf('\r') >= 0 || v.indexOf('\n') >= 0 ? null : v;
    }

    Framed.Malformed malformed(byte[] buf, int base) {
        String detail = errorDetail == null ? error.reasonPhrase() : errorDetail;
        return new Framed.Malformed(error, errorOffset, detail, readable(buf, base), errorFatal);
    }

    /** Builds the message from the indexed head; {@code buf[base, base+length)} must stay unchanged. */
    SipMessage message(byte[] buf, int base, int length, int bodyLength) {
        int[] index = Arrays.copyOf(fields, count * STRIDE);
        if (request) {
            return new SipRequest(buf, base, length, index, count, startLineEnd, headEnd, bodyStart, bodyLength,
                    contentLength, method, uriStart, uriEnd);
        }
        return new SipResponse(buf, base, length, index, count, startLineEnd, headEnd, bodyStart, bodyLength,
                contentLength, statusCode, reasonStart);
    }

    static String ascii(byte[] buf, int from, int len) {
        return new String(buf, from, len, StandardCharsets.ISO_8859_1);
    }
}
