package io.sipplatform.sip.message;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A SIP header field name. Known names carry a small id (resolved once per header line while framing, so lookups
 * compare ints), their RFC compact form and whether their values may be joined with commas on one line
 * (RFC 3261 §7.3.1). Any other token is a valid name too ({@link #of(String)}): unknown headers are kept verbatim.
 *
 * @param name    canonical spelling, e.g. {@code Call-ID}
 * @param compact compact form (RFC 3261 §7.3.3 and later RFCs), or 0 if none
 * @param list    whether several values may share one line separated by top-level commas
 * @param id      index in the known-name table, or -1 for names outside it
 */
public record HeaderName(String name, char compact, boolean list, int id) {

    private static final HeaderName[] KNOWN = new HeaderName[80];
    private static int next;

    public static final HeaderName VIA = known("Via", 'v', true);
    public static final HeaderName FROM = known("From", 'f', false);
    public static final HeaderName TO = known("To", 't', false);
    public static final HeaderName CALL_ID = known("Call-ID", 'i', false);
    public static final HeaderName CSEQ = known("CSeq", (char) 0, false);
    public static final HeaderName MAX_FORWARDS = known("Max-Forwards", (char) 0, false);
    public static final HeaderName CONTACT = known("Contact", 'm', true);
    public static final HeaderName ROUTE = known("Route", (char) 0, true);
    public static final HeaderName RECORD_ROUTE = known("Record-Route", (char) 0, true);
    public static final HeaderName PATH = known("Path", (char) 0, true);
    public static final HeaderName SERVICE_ROUTE = known("Service-Route", (char) 0, true);
    public static final HeaderName CONTENT_LENGTH = known("Content-Length", 'l', false);
    public static final HeaderName CONTENT_TYPE = known("Content-Type", 'c', false);
    public static final HeaderName CONTENT_ENCODING = known("Content-Encoding", 'e', true);
    public static final HeaderName CONTENT_DISPOSITION = known("Content-Disposition", (char) 0, false);
    public static final HeaderName CONTENT_LANGUAGE = known("Content-Language", (char) 0, true);
    public static final HeaderName EXPIRES = known("Expires", (char) 0, false);
    public static final HeaderName MIN_EXPIRES = known("Min-Expires", (char) 0, false);
    public static final HeaderName AUTHORIZATION = known("Authorization", (char) 0, false);
    public static final HeaderName PROXY_AUTHORIZATION = known("Proxy-Authorization", (char) 0, false);
    public static final HeaderName WWW_AUTHENTICATE = known("WWW-Authenticate", (char) 0, false);
    public static final HeaderName PROXY_AUTHENTICATE = known("Proxy-Authenticate", (char) 0, false);
    public static final HeaderName AUTHENTICATION_INFO = known("Authentication-Info", (char) 0, false);
    public static final HeaderName REQUIRE = known("Require", (char) 0, true);
    public static final HeaderName PROXY_REQUIRE = known("Proxy-Require", (char) 0, true);
    public static final HeaderName SUPPORTED = known("Supported", 'k', true);
    public static final HeaderName UNSUPPORTED = known("Unsupported", (char) 0, true);
    public static final HeaderName ALLOW = known("Allow", (char) 0, true);
    public static final HeaderName ALLOW_EVENTS = known("Allow-Events", 'u', true);
    public static final HeaderName EVENT = known("Event", 'o', false);
    public static final HeaderName SUBSCRIPTION_STATE = known("Subscription-State", (char) 0, false);
    public static final HeaderName RETRY_AFTER = known("Retry-After", (char) 0, false);
    public static final HeaderName USER_AGENT = known("User-Agent", (char) 0, false);
    public static final HeaderName SERVER = known("Server", (char) 0, false);
    public static final HeaderName SUBJECT = known("Subject", 's', false);
    public static final HeaderName DATE = known("Date", (char) 0, false);
    public static final HeaderName TIMESTAMP = known("Timestamp", (char) 0, false);
    public static final HeaderName ACCEPT = known("Accept", (char) 0, true);
    public static final HeaderName ACCEPT_ENCODING = known("Accept-Encoding", (char) 0, true);
    public static final HeaderName ACCEPT_LANGUAGE = known("Accept-Language", (char) 0, true);
    public static final HeaderName ALERT_INFO = known("Alert-Info", (char) 0, true);
    public static final HeaderName CALL_INFO = known("Call-Info", (char) 0, true);
    public static final HeaderName ERROR_INFO = known("Error-Info", (char) 0, true);
    public static final HeaderName IN_REPLY_TO = known("In-Reply-To", (char) 0, true);
    public static final HeaderName MIME_VERSION = known("MIME-Version", (char) 0, false);
    public static final HeaderName ORGANIZATION = known("Organization", (char) 0, false);
    public static final HeaderName PRIORITY = known("Priority", (char) 0, false);
    public static final HeaderName REPLY_TO = known("Reply-To", (char) 0, false);
    public static final HeaderName WARNING = known("Warning", (char) 0, true);
    public static final HeaderName RSEQ = known("RSeq", (char) 0, false);
    public static final HeaderName RACK = known("RAck", (char) 0, false);
    public static final HeaderName REFER_TO = known("Refer-To", 'r', false);
    public static final HeaderName REFERRED_BY = known("Referred-By", 'b', false);
    public static final HeaderName ACCEPT_CONTACT = known("Accept-Contact", 'a', true);
    public static final HeaderName REJECT_CONTACT = known("Reject-Contact", 'j', true);
    public static final HeaderName REQUEST_DISPOSITION = known("Request-Disposition", 'd', true);
    public static final HeaderName SESSION_EXPIRES = known("Session-Expires", 'x', false);
    public static final HeaderName MIN_SE = known("Min-SE", (char) 0, false);
    public static final HeaderName IDENTITY = known("Identity", 'y', false);
    public static final HeaderName P_ASSERTED_IDENTITY = known("P-Asserted-Identity", (char) 0, true);
    public static final HeaderName P_PREFERRED_IDENTITY = known("P-Preferred-Identity", (char) 0, true);
    public static final HeaderName PRIVACY = known("Privacy", (char) 0, false);
    public static final HeaderName DIVERSION = known("Diversion", (char) 0, true);
    public static final HeaderName REASON = known("Reason", (char) 0, true);
    public static final HeaderName SIP_ETAG = known("SIP-ETag", (char) 0, false);
    public static final HeaderName SIP_IF_MATCH = known("SIP-If-Match", (char) 0, false);

    /** Known names by lower-case first letter and length: a tiny perfect-enough hash, verified on hit. */
    private static final HeaderName[][] BY_SHAPE = new HeaderName[32 * 32][];
    private static final HeaderName[] BY_COMPACT = new HeaderName[128];

    static {
        for (int i = 0; i < next; i++) {
            HeaderName h = KNOWN[i];
            int slot = shape(Character.toLowerCase(h.name.charAt(0)), h.name.length());
            HeaderName[] old = BY_SHAPE[slot];
            HeaderName[] grown = old == null ? new HeaderName[1] : java.util.Arrays.copyOf(old, old.length + 1);
            grown[grown.length - 1] = h;
            BY_SHAPE[slot] = grown;
            if (h.compact != 0) {
                BY_COMPACT[h.compact] = h;
            }
        }
    }

    public HeaderName {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("header name must not be empty");
        }
    }

    private static HeaderName known(String name, char compact, boolean list) {
        HeaderName h = new HeaderName(name, compact, list, next);
        KNOWN[next++] = h;
        return h;
    }

    private static int shape(int lowerFirst, int length) {
        return ((lowerFirst & 31) << 5) | (length & 31);
    }

    /**
     * The header name for a token as written in a message or by code. Known names (long or compact form, any case)
     * return the constant; other tokens a new unknown name.
     *
     * @throws IllegalArgumentException if {@code token} is not an RFC 3261 token
     */
    public static HeaderName of(String token) {
        byte[] b = token.getBytes(StandardCharsets.UTF_8);
        HeaderName h = lookup(b, 0, b.length);
        if (h != null) {
            return h;
        }
        for (byte c : b) {
            if (!MessageChars.isToken(c)) {
                throw new IllegalArgumentException("not a header name token: " + token);
            }
        }
        if (b.length == 0) {
            throw new IllegalArgumentException("empty header name");
        }
        return new HeaderName(token, (char) 0, false, -1);
    }

    /** The known name written at {@code b[from, to)} in any case or compact form, or null. */
    static HeaderName lookup(byte[] b, int from, int to) {
        int len = to - from;
        if (len <= 0) {
            return null;
        }
        int first = b[from] | 0x20;
        if (len == 1) {
            return first < 128 && first >= 0 ? BY_COMPACT[first] : null;
        }
        if (len > 31 || first < 'a' || first > 'z') {
            return null;
        }
        HeaderName[] candidates = BY_SHAPE[shape(first, len)];
        if (candidates == null) {
            return null;
        }
        for (HeaderName h : candidates) {
            if (equalsIgnoreCase(h.name, b, from, len)) {
                return h;
            }
        }
        return null;
    }

    private static boolean equalsIgnoreCase(String s, byte[] b, int from, int len) {
        for (int i = 0; i < len; i++) {
            int x = s.charAt(i);
            int y = b[from + i];
            if (x != y && (x | 0x20) != (y | 0x20)) {
                return false;
            }
            if (x != y && !Character.isLetter(x)) {
                return false; // '-' vs '\r' etc. differ only in bit 5 by accident
            }
        }
        return true;
    }

    /** Whether this name and a header written as {@code other} denote the same header (RFC 3261 §7.3.1). */
    public boolean matches(String other) {
        return name.equalsIgnoreCase(other) || (compact != 0 && other.length() == 1
                && Character.toLowerCase(other.charAt(0)) == compact);
    }

    /** True if this is one of the library's known names. */
    public boolean isKnown() {
        return id >= 0;
    }

    /** Lower-case canonical name, for maps keyed by header. */
    public String key() {
        return name.toLowerCase(Locale.ROOT);
    }

    /** The known name with this id. */
    static HeaderName byId(int id) {
        return KNOWN[id];
    }

    @Override
    public String toString() {
        return name;
    }
}
