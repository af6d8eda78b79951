package io.sipplatform.sip.header;

import io.sipplatform.sip.SipParseException;
import io.sipplatform.sip.grammar.HeaderValues;
import io.sipplatform.sip.grammar.SipChars;
import io.sipplatform.sip.grammar.SipScanner;
import io.sipplatform.sip.uri.Uri;

import java.util.Objects;

/**
 * One contact-param (RFC 3261 §20.10): a {@link NameAddr} whose q, expires (§25), reg-id (RFC 5626 §4.1) and
 * +sip.instance (RFC 5626 §4.1) parameters are checked and readable. The wildcard "*" of a REGISTER is not a
 * contact-param: callers test {@link #isWildcard(String)} first.
 */
public record Contact(NameAddr address) {
    /** The largest reg-id (RFC 5626 §4.1: 1 to 2^31-1). */
    public static final long MAX_REG_ID = (1L << 31) - 1;

    public Contact {
        Objects.requireNonNull(address, "address");
        for (Param p : address.params()) {
            String problem = paramProblem(p);
            if (problem != null) {
                throw new IllegalArgumentException(problem);
            }
        }
    }

    public static Contact parse(String value) {
        if (isWildcard(value)) {
            throw new SipParseException("wildcard Contact is not an address", 0);
        }
        NameAddr address = NameAddr.parse(value);
        for (Param p : address.params()) {
            String problem = paramProblem(p);
            if (problem != null) {
                throw new SipParseException(problem, -1);
            }
        }
        return new Contact(address);
    }

    /** Parses one contact-param at the scanner's position and stops after its last parameter. */
    public static Contact parse(SipScanner s) {
        int start = s.position();
        NameAddr address = NameAddr.parse(s);
        for (Param p : address.params()) {
            String problem = paramProblem(p);
            if (problem != null) {
                throw new SipParseException(problem, start);
            }
        }
        return new Contact(address);
    }

    /** True when the whole Contact value is STAR (RFC 3261 §20.10), as in a REGISTER removing all bindings. */
    public static boolean isWildcard(String value) {
        if (value == null) {
            return false;
        }
        SipScanner s = SipScanner.trimmed(value);
        return s.consumeChar('*') && s.atEnd();
    }

    // c-p-q, c-p-expires (RFC 3261 §25) and reg-id (RFC 5626); null when p is acceptable
    private static String paramProblem(Param p) {
        String v = p.value();
        if (p.is("q")) {
            return v != null && qMillis(v) >= 0 ? null : "q is not a qvalue";
        }
        if (p.is("expires")) {
            return deltaSeconds(v) >= 0 ? null : "expires is not delta-seconds";
        }
        if (p.is("reg-id")) {
            long id = v == null ? -1 : new SipScanner(v).consumeDigits(MAX_REG_ID + 1);
            return id >= 1 && id <= MAX_REG_ID && digitsOnly(v) ? null : "reg-id is not 1..2^31-1";
        }
        return null;
    }

    private static boolean digitsOnly(String v) {
        for (int i = 0; i < v.length(); i++) {
            if (!SipChars.isDigit(v.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    // delta-seconds clamped as HeaderValues does, or -1
    private static long deltaSeconds(String v) {
        if (v == null || v.isEmpty() || !digitsOnly(v)) {
            return -1;
        }
        long seconds = new SipScanner(v).consumeDigits(HeaderValues.MAX_DELTA_SECONDS + 1);
        return seconds > HeaderValues.MAX_DELTA_SECONDS ? -1 : seconds; // RFC 3261 §20.19 range, as for Expires
    }

    /**
     * qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] ) (RFC 3261 §25) in thousandths, or -1.
     */
    static int qMillis(String v) {
        int n = v.length();
        if (n == 0 || n > 5 || (v.charAt(0) != '0' && v.charAt(0) != '1')) {
            return -1;
        }
        int whole = v.charAt(0) - '0';
        if (n == 1) {
            return whole * 1000;
        }
        if (v.charAt(1) != '.') {
            return -1;
        }
        int millis = 0;
        int scale = 100;
        for (int i = 2; i < n; i++) {
            char c = v.charAt(i);
            if (!SipChars.isDigit(c) || (whole == 1 && c != '0')) {
                return -1;
            }
            millis += (c - '0') * scale;
            scale /= 10;
        }
        return whole * 1000 + millis;
    }

    public Uri uri() {
        return address.uri();
    }

    /** The expires parameter in seconds (0..2^32-1; larger values fail parsing), or -1 when absent. */
    public long expires() {
        return deltaSeconds(address.param("expires"));
    }

    /** The q parameter in thousandths (q=0.5 is 500), or -1 when absent. */
    public int qMillis() {
        String q = address.param("q");
        return q == null ? -1 : qMillis(q);
    }

    /** The +sip.instance value without its quotes, e.g. "&lt;urn:uuid:...&gt;" (RFC 5626 §4.1), or null. */
    public String instance() {
        return address.param("+sip.instance");
    }

    /** The reg-id parameter (RFC 5626 §4.1), or -1 when absent. */
    public int regId() {
        String v = address.param("reg-id");
        return v == null ? -1 : (int) new SipScanner(v).consumeDigits(MAX_REG_ID);
    }

    public Contact withExpires(long seconds) {
        return new Contact(address.withParam("expires", Long.toString(seconds)));
    }

    @Override
    public String toString() {
        return address.toString();
    }
}
