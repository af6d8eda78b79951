package io.sipplatform.sip.message;

import java.nio.charset.StandardCharsets;

/** A SIP response (RFC 3261 §7.2). */
public final class SipResponse extends SipMessage {
    private final int statusCode;
    private final int reasonStart;

    SipResponse(byte[] buf, int base, int length, int[] fields, int fieldCount, int startLineEnd, int headEnd,
                int bodyStart, int bodyLength, int contentLength, int statusCode, int reasonStart) {
        super(buf, base, length, fields, fieldCount, startLineEnd, headEnd, bodyStart, bodyLength, contentLength);
        this.statusCode = statusCode;
        this.reasonStart = reasonStart;
    }

    @Override
    public boolean isRequest() {
        return false;
    }

    /** Status code 100-699. */
    public int statusCode() {
        return statusCode;
    }

    /** Reason phrase as written (may be empty). */
    public String reasonPhrase() {
        return new String(buf, base + reasonStart, startLineEnd - reasonStart, StandardCharsets.UTF_8);
    }

    /** Code and reason as a value. */
    public SipStatus status() {
        return new SipStatus(statusCode, reasonPhrase());
    }

    /** The method of the request this answers, from CSeq. */
    public String method() {
        return cseq().method();
    }
}
