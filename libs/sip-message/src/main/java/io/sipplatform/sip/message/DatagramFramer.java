package io.sipplatform.sip.message;

/**
 * Frames one SIP message per datagram (UDP; RFC 3261 §18.3). The datagram is not copied: the message reads the
 * caller's array, which must not be changed afterwards. Body: Content-Length bytes when present (a longer datagram is
 * truncated to it, a shorter one is {@link MalformedReason#BODY_INCOMPLETE}), else the rest of the datagram.
 * A datagram of only CR/LF bytes is a keep-alive (CRLFCRLF a ping, CRLF a pong).
 *
 * <p>Not thread-safe (it reuses its scanner): use one per socket/event loop.
 */
public final class DatagramFramer {
    private final FrameLimits limits;
    private final MessageReader reader;

    public DatagramFramer(FrameLimits limits) {
        this.limits = limits;
        this.reader = new MessageReader(limits);
    }

    public DatagramFramer() {
        this(FrameLimits.DEFAULTS);
    }

    /** Frames a whole array. */
    public Framed frame(byte[] datagram) {
        return frame(datagram, 0, datagram.length);
    }

    /** Frames {@code data[off, off+len)}; never throws for any content. */
    public Framed frame(byte[] data, int off, int len) {
        if (off < 0 || len < 0 || off + len > data.length) {
            throw new IndexOutOfBoundsException("bad datagram bounds");
        }
        if (len > limits.maxMessageBytes()) {
            return new Framed.Malformed(MalformedReason.MESSAGE_TOO_LARGE, limits.maxMessageBytes(),
                    "datagram longer than " + limits.maxMessageBytes(), MandatoryHeaders.NONE, true);
        }
        int skip = 0;
        boolean onlyNul = len > 0;
        while (skip < len && (data[off + skip] == '\r' || data[off + skip] == '\n')) {
            skip++;
        }
        if (skip == len) {
            if (len == 0) {
                return new Framed.Malformed(MalformedReason.EMPTY, 0, "empty datagram", MandatoryHeaders.NONE, true);
            }
            return containsCrlfCrlf(data, off, len) ? Framed.KeepAlive.PING : Framed.KeepAlive.PONG;
        }
        for (int i = 0; i < len && onlyNul; i++) {
            onlyNul = data[off + i] == 0;
        }
        if (onlyNul) {
            return new Framed.Malformed(MalformedReason.EMPTY, 0, "datagram of NUL bytes", MandatoryHeaders.NONE,
                    true);
        }
        int base = off + skip;
        int avail = len - skip;
        reader.reset();
        if (reader.scan(data, base, avail, true) == MessageReader.FAILED) {
            return reader.malformed(data, base);
        }
        int rest = avail - reader.bodyStart;
        int bodyLength;
        if (reader.contentLength >= 0) {
            if (reader.contentLength > limits.maxBodyBytes()) {
                return limitFailure(MalformedReason.BODY_TOO_LARGE, data, base);
            }
            if (reader.contentLength > rest) {
                if (reader.error == null) {
                    return new Framed.Malformed(MalformedReason.BODY_INCOMPLETE, avail,
                            "datagram body shorter than Content-Length", reader.readable(data, base), false);
                }
                return reader.malformed(data, base);
            }
            bodyLength = reader.contentLength;
        } else {
            if (rest > limits.maxBodyBytes()) {
                return limitFailure(MalformedReason.BODY_TOO_LARGE, data, base);
            }
            bodyLength = rest;
        }
        if (reader.error != null) {
            return reader.malformed(data, base);
        }
        return new Framed.Message(reader.message(data, base, reader.bodyStart + bodyLength, bodyLength));
    }

    private Framed limitFailure(MalformedReason reason, byte[] data, int base) {
        return new Framed.Malformed(reason, reader.bodyStart, reason.reasonPhrase(), reader.readable(data, base),
                true);
    }

    private static boolean containsCrlfCrlf(byte[] d, int off, int len) {
        for (int i = off; i + 3 < off + len; i++) {
            if (d[i] == '\r' && d[i + 1] == '\n' && d[i + 2] == '\r' && d[i + 3] == '\n') {
                return true;
            }
        }
        return false;
    }
}
