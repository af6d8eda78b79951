package io.sipplatform.sip.sdp;

import io.sipplatform.sip.SipParseException;

/**
 * Cursor over one line value whose fields are separated by SP (RFC 8866 §9). Runs of SP or HTAB count as one
 * separator and trailing whitespace is ignored, because real UAs send both. consumeX returns null and leaves the
 * position unchanged when there is nothing; expectX throws {@link SipParseException} naming the line.
 */
final class FieldScanner {
    private final String text;
    private final String what;
    private int pos;

    FieldScanner(String text, String what) {
        this.text = text;
        this.what = what;
    }

    /** The next whitespace-delimited field, or null at the end of the value. */
    String consumeField() {
        int start = pos;
        while (start < text.length() && isWhitespace(text.charAt(start))) {
            start++;
        }
        if (start == text.length()) {
            return null;
        }
        int end = start;
        while (end < text.length() && !isWhitespace(text.charAt(end))) {
            end++;
        }
        pos = end;
        return text.substring(start, end);
    }

    String expectField(String name) {
        String field = consumeField();
        if (field == null) {
            throw error("missing " + name);
        }
        return field;
    }

    /** Everything after the current position with surrounding whitespace removed; empty when nothing is left. */
    String consumeRest() {
        int start = pos;
        int end = text.length();
        while (start < end && isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        pos = text.length();
        return text.substring(start, end);
    }

    void expectEnd() {
        if (!consumeRest().isEmpty()) {
            throw error("unexpected trailing text");
        }
    }

    SipParseException error(String problem) {
        return new SipParseException(what + ": " + problem, pos);
    }

    static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t';
    }
}
