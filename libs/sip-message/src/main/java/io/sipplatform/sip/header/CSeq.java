package io.sipplatform.sip.header;

import io.sipplatform.sip.grammar.SipChars;
import io.sipplatform.sip.grammar.SipScanner;

import java.util.Objects;

/**
 * CSeq = 1*DIGIT LWS Method (RFC 3261 §20.16), e.g. "1 INVITE". The method is any token and case-sensitive
 * (§7.1: method names are case-sensitive), so extension methods work.
 *
 * @param number the sequence number, 0..2^31-1 (§8.1.1.5)
 * @param method the method token as written
 */
public record CSeq(long number, String method) {
    /** The largest sequence number a request may carry (RFC 3261 §8.1.1.5: less than 2^31). */
    public static final long MAX_NUMBER = (1L << 31) - 1;

    public CSeq {
        if (number < 0 || number > MAX_NUMBER) {
            throw new IllegalArgumentException("CSeq number out of range: " + number);
        }
        Objects.requireNonNull(method, "method");
        if (!SipChars.isToken(method)) {
            throw new IllegalArgumentException("method is not a token: " + method);
        }
    }

    public static CSeq parse(String value) {
        SipScanner s = SipScanner.trimmed(value);
        long number = s.expectNumber("CSeq number", 0, MAX_NUMBER);
        s.expectLws("between CSeq number and method");
        String method = s.expectToken("CSeq method");
        s.expectEnd("CSeq");
        return new CSeq(number, method);
    }

    /** The next CSeq of the same dialog for {@code nextMethod}. */
    public CSeq next(String nextMethod) {
        return new CSeq(number + 1, nextMethod);
    }

    @Override
    public String toString() {
        return number + " " + method;
    }
}
