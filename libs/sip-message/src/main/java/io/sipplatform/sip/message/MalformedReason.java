package io.sipplatform.sip.message;

/**
 * Why a frame is not a SIP message, with the status code a server answers when it can answer at all (a request
 * whose Via, From, To, Call-ID and CSeq could be read; RFC 3261 §8.2.6). Responses and unreadable requests are
 * counted drops.
 */
public enum MalformedReason {
    /** Zero bytes, or nothing but NULs. */
    EMPTY(400, "Empty Message"),
    /** Message larger than {@link FrameLimits#maxMessageBytes()}. */
    MESSAGE_TOO_LARGE(513, "Message Too Large"),
    /** More header fields than {@link FrameLimits#maxHeaderCount()}. */
    TOO_MANY_HEADERS(513, "Too Many Headers"),
    /** A header field or the start line longer than {@link FrameLimits#maxHeaderLineBytes()}. */
    HEADER_LINE_TOO_LONG(513, "Header Line Too Long"),
    /** Body longer than {@link FrameLimits#maxBodyBytes()}. */
    BODY_TOO_LARGE(513, "Message Body Too Large"),
    /** Neither a Request-Line nor a Status-Line (RFC 3261 §7.1, §7.2). */
    BAD_START_LINE(400, "Bad Start Line"),
    /** SIP-Version other than SIP/2.0 (RFC 3261 §8.2.6: 505). */
    UNSUPPORTED_VERSION(505, "Version Not Supported"),
    /** Status-Code not three digits in 100-699. */
    BAD_STATUS_CODE(400, "Bad Status Code"),
    /** A header line that is not {@code token *WSP ":" value}, or a continuation line with nothing to continue. */
    BAD_HEADER(400, "Bad Header"),
    /** Via, From, To, Call-ID or CSeq absent (RFC 3261 §8.1.1). */
    MISSING_HEADER(400, "Missing Mandatory Header"),
    /** Content-Length not 1*DIGIT, or repeated with different values. */
    BAD_CONTENT_LENGTH(400, "Bad Content-Length"),
    /** Datagram shorter than its Content-Length (RFC 3261 §18.3). */
    BODY_INCOMPLETE(400, "Incomplete Message Body");

    private final int statusCode;
    private final String reasonPhrase;

    MalformedReason(int statusCode, String reasonPhrase) {
        this.statusCode = statusCode;
        this.reasonPhrase = reasonPhrase;
    }

    /** The SIP status a server answers with, when it answers. */
    public int statusCode() {
        return statusCode;
    }

    /** A reason phrase naming the problem, for the answer. */
    public String reasonPhrase() {
        return reasonPhrase;
    }
}
