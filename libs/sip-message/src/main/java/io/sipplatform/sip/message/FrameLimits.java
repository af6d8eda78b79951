package io.sipplatform.sip.message;

/**
 * Named framing limits. Each limit fails with its own {@link MalformedReason}; on streams the edge answers 513 (or
 * 400) and closes the connection, on UDP the datagram is a counted drop.
 *
 * @param maxMessageBytes    whole message (start line, headers, body); default 65536. Beyond it: MESSAGE_TOO_LARGE
 * @param maxHeaderCount     header fields (lines, folded continuations included in their field); default 256.
 *                           Beyond it: TOO_MANY_HEADERS
 * @param maxHeaderLineBytes bytes of one header field incl. its folded continuations, and of the start line;
 *                           default 8192. Beyond it: HEADER_LINE_TOO_LONG
 * @param maxBodyBytes       Content-Length (or datagram body) bytes; default 65536. Beyond it: BODY_TOO_LARGE
 */
public record FrameLimits(int maxMessageBytes, int maxHeaderCount, int maxHeaderLineBytes, int maxBodyBytes) {

    /** 64 KiB message, 256 headers, 8 KiB per header line, 64 KiB body. */
    public static final FrameLimits DEFAULTS = new FrameLimits(65_536, 256, 8_192, 65_536);

    public FrameLimits {
        if (maxMessageBytes < 64 || maxHeaderCount < 5 || maxHeaderLineBytes < 64 || maxBodyBytes < 0) {
            throw new IllegalArgumentException("frame limits too small to carry a SIP message");
        }
    }
}
