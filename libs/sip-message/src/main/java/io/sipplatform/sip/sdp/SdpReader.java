package io.sipplatform.sip.sdp;

import io.sipplatform.sip.SipParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a body into {@code <type>=<value>} lines (RFC 8866 §5) in one pass. Lines end in CRLF or LF (RFC 8866 §5
 * asks parsers to accept a bare LF); the last line may lack a terminator. Empty lines are tolerated only at the end,
 * where some UAs leave an extra CRLF; anywhere else they would hide a second body, so they are rejected.
 */
final class SdpReader {

    private SdpReader() {
    }

    static List<SdpLine> readLines(String body) {
        List<SdpLine> lines = new ArrayList<>();
        int n = body.length();
        int start = 0;
        int blankAt = -1;
        while (start < n) {
            int newline = body.indexOf('\n', start);
            int end = newline < 0 ? n : newline;
            int next = newline < 0 ? n : newline + 1;
            int contentEnd = end > start && body.charAt(end - 1) == '\r' ? end - 1 : end;
            if (contentEnd == start) {
                if (blankAt < 0) {
                    blankAt = start;
                }
            } else {
                if (blankAt >= 0) {
                    throw new SipParseException("empty line inside SDP", blankAt);
                }
                lines.add(readLine(body, start, contentEnd));
            }
            start = next;
        }
        return lines;
    }

    private static SdpLine readLine(String body, int start, int end) {
        if (end - start < 2 || !SdpLine.isTypeLetter(body.charAt(start)) || body.charAt(start + 1) != '=') {
            throw new SipParseException("SDP line must be <letter>=<value>", start);
        }
        for (int i = start + 2; i < end; i++) {
            char c = body.charAt(i);
            if (c == '\r' || c == 0) {
                throw new SipParseException("CR or NUL inside SDP line", i);
            }
        }
        return new SdpLine(body.charAt(start), body.substring(start + 2, end));
    }
}
