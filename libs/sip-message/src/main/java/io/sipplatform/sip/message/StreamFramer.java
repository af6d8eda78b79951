package io.sipplatform.sip.message;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Frames SIP messages from a byte stream (TCP, TLS, WebSocket frames' payloads): headers up to the empty line, then
 * Content-Length bytes of body (RFC 3261 §18.3; a message without Content-Length has no body here). Between
 * messages, CRLFCRLF is an RFC 5626 ping and a lone CRLF a pong. Feeding the same bytes in any split gives the same
 * sequence of {@link Framed} values.
 *
 * <p>After a fatal {@link Framed.Malformed} the framer ignores further input: the connection should be answered
 * (if the frame was a readable request) and closed. A non-fatal one (e.g. a missing mandatory header, a bad header
 * line) leaves the framing intact and the framer continues with the next message.
 *
 * <p>Not thread-safe: one per connection, fed from its event loop.
 */
public final class StreamFramer {
    private final FrameLimits limits;
    private final MessageReader reader;
    private byte[] buf = new byte[2048];
    private int start;
    private int end;
    private boolean headDone;
    private boolean failed;

    public StreamFramer(FrameLimits limits) {
        this.limits = limits;
        this.reader = new MessageReader(limits);
    }

    public StreamFramer() {
        this(FrameLimits.DEFAULTS);
    }

    /** True after a fatal malformed frame: further input is ignored. */
    public boolean failed() {
        return failed;
    }

    /**
     * True when the only bytes held are a CRLF (or CRLF CR) at a message boundary: a pong that the framer reports
     * once the next byte shows it is not the first half of a CRLFCRLF ping. A client that sent a ping and waits for
     * its pong (RFC 5626 §4.4.1) treats this as the pong.
     */
    public boolean pendingCrlf() {
        int n = end - start;
        return !failed && !headDone && reader.scanned() == 0 && (n == 2 || n == 3) && buf[start] == '\r'
                && buf[start + 1] == '\n' && (n == 2 || buf[start + 2] == '\r');
    }

    /** Bytes received but not yet part of an emitted frame. */
    public int buffered() {
        return end - start;
    }

    /** Appends {@code data[off, off+len)} and emits every frame it completes, in order, to {@code sink}. */
    public void feed(byte[] data, int off, int len, Consumer<? super Framed> sink) {
        if (off < 0 || len < 0 || off + len > data.length) {
            throw new IndexOutOfBoundsException("bad chunk bounds");
        }
        if (failed || len == 0) {
            return;
        }
        append(data, off, len);
        drain(sink);
    }

    /** Feeds a whole array. */
    public void feed(byte[] data, Consumer<? super Framed> sink) {
        feed(data, 0, data.length, sink);
    }

    private void drain(Consumer<? super Framed> sink) {
        while (!failed && start < end) {
            if (!headDone) {
                int avail = end - start;
                if (reader.scanned() == 0 && (buf[start] == '\r' || buf[start] == '\n')) {
                    int k = keepAlive(avail);
                    if (k == 0) {
                        return; // wait: CRLF may still become CRLFCRLF
                    }
                    if (k > 0) {
                        sink.accept(k == 4 ? Framed.KeepAlive.PING : Framed.KeepAlive.PONG);
                    }
                    start += Math.abs(k);
                    continue;
                }
                int r = reader.scan(buf, start, avail, false);
                if (r == MessageReader.NEED_MORE) {
                    return;
                }
                if (r == MessageReader.FAILED) {
                    fail(sink, reader.malformed(buf, start));
                    return;
                }
                headDone = true;
                int cl = Math.max(reader.contentLength, 0);
                if (cl > limits.maxBodyBytes()) {
                    fail(sink, new Framed.Malformed(MalformedReason.BODY_TOO_LARGE, reader.bodyStart,
                            "Content-Length over " + limits.maxBodyBytes(), reader.readable(buf, start), true));
                    return;
                }
                if ((long) reader.bodyStart + cl > limits.maxMessageBytes()) {
                    fail(sink, new Framed.Malformed(MalformedReason.MESSAGE_TOO_LARGE, reader.bodyStart,
                            "message longer than " + limits.maxMessageBytes(), reader.readable(buf, start), true));
                    return;
                }
            }
            int cl = Math.max(reader.contentLength, 0);
            int need = reader.bodyStart + cl;
            if (end - start < need) {
                return;
            }
            Framed out;
            if (reader.error != null) {
                out = reader.malformed(buf, start);
            } else {
                byte[] copy = Arrays.copyOfRange(buf, start, start + need);
                out = new Framed.Message(reader.message(copy, 0, need, cl));
            }
            start += need;
            headDone = false;
            reader.reset();
            sink.accept(out);
        }
        if (start == end) {
            start = 0;
            end = 0;
        }
    }

    /**
     * Classifies CR/LF bytes at a message boundary: +4 ping (CRLFCRLF), +2 pong (CRLF then something else),
     * -1 a stray LF or CR to skip silently, 0 not decidable yet.
     */
    private int keepAlive(int avail) {
        byte b0 = buf[start];
        if (b0 == '\n') {
            return -1;
        }
        if (avail < 2) {
            return 0;
        }
        if (buf[start + 1] != '\n') {
            return -1;
        }
        if (avail < 3) {
            return 0;
        }
        if (buf[start + 2] != '\r') {
            return 2;
        }
        if (avail < 4) {
            return 0;
        }
        return buf[start + 3] == '\n' ? 4 : 2;
    }

    private void fail(Consumer<? super Framed> sink, Framed.Malformed m) {
        failed = true;
        buf = new byte[0];
        start = 0;
        end = 0;
        sink.accept(m);
    }

    private void append(byte[] data, int off, int len) {
        if (end + len > buf.length) {
            if (start > 0) {
                System.arraycopy(buf, start, buf, 0, end - start);
                end -= start;
                start = 0;
            }
            if (end + len > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, end + len));
            }
        }
        System.arraycopy(data, off, buf, end, len);
        end += len;
    }
}
