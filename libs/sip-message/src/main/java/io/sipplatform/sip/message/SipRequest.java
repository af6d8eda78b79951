package io.sipplatform.sip.message;

import io.sipplatform.sip.SipParseException;
import io.sipplatform.sip.header.CSeq;
import io.sipplatform.sip.uri.SipUri;
import io.sipplatform.sip.uri.Uri;

import java.nio.charset.StandardCharsets;

/** A SIP request (RFC 3261 §7.1). */
public final class SipRequest extends SipMessage {
    private final SipMethod method;
    private final int uriStart;
    private final int uriEnd;
    private Uri requestUri;

    SipRequest(byte[] buf, int base, int length, int[] fields, int fieldCount, int startLineEnd, int headEnd,
               int bodyStart, int bodyLength, int contentLength, SipMethod method, int uriStart, int uriEnd) {
        super(buf, base, length, fields, fieldCount, startLineEnd, headEnd, bodyStart, bodyLength, contentLength);
        this.method = method;
        this.uriStart = uriStart;
        this.uriEnd = uriEnd;
    }

    @Override
    public boolean isRequest() {
        return true;
    }

    /** The method (any token; RFC methods are shared constants). */
    public SipMethod method() {
        return method;
    }

    /** The Request-URI exactly as written in the request line. */
    public String requestUriText() {
        return new String(buf, base + uriStart, uriEnd - uriStart, StandardCharsets.UTF_8);
    }

    /**
     * The parsed Request-URI. A SIP URI with headers ({@code ?h=v}) is invalid here (RFC 3261 §19.1.1 table 1;
     * RFC 4475 escruri).
     *
     * @throws SipParseException if invalid
     */
    public Uri requestUri() {
        Uri u = requestUri;
        if (u == null) {
            u = Uri.parse(requestUriText());
            if (u instanceof SipUri sip && !sip.headers().isEmpty()) {
                throw new SipParseException("headers are not allowed in a Request-URI");
            }
            requestUri = u;
        }
        return u;
    }

    /**
     * CSeq, whose method must equal the request method (RFC 3261 §8.1.1.5; RFC 4475 mismatch01).
     *
     * @throws SipParseException if absent, invalid or of another method
     */
    @Override
    public CSeq cseq() {
        CSeq c = super.cseq();
        if (!c.method().equals(method.name())) {
            throw new SipParseException("CSeq method " + c.method() + " does not match request method");
        }
        return c;
    }
}
