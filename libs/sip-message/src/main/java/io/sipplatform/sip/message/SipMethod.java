package io.sipplatform.sip.message;

/**
 * A SIP request method: any RFC 3261 token (§25.1: {@code Method = INVITEm / ... / extension-method}). Methods are
 * case-sensitive (§7.1). The RFC methods are constants returned without allocation when framing.
 *
 * @param name the method token
 */
public record SipMethod(String name) {
    public static final SipMethod INVITE = new SipMethod("INVITE");
    public static final SipMethod ACK = new SipMethod("ACK");
    public static final SipMethod BYE = new SipMethod("BYE");
    public static final SipMethod CANCEL = new SipMethod("CANCEL");
    public static final SipMethod REGISTER = new SipMethod("REGISTER");
    public static final SipMethod OPTIONS = new SipMethod("OPTIONS");
    public static final SipMethod PRACK = new SipMethod("PRACK");
    public static final SipMethod UPDATE = new SipMethod("UPDATE");
    public static final SipMethod INFO = new SipMethod("INFO");
    public static final SipMethod MESSAGE = new SipMethod("MESSAGE");
    public static final SipMethod REFER = new SipMethod("REFER");
    public static final SipMethod SUBSCRIBE = new SipMethod("SUBSCRIBE");
    public static final SipMethod NOTIFY = new SipMethod("NOTIFY");
    public static final SipMethod PUBLISH = new SipMethod("PUBLISH");

    private static final SipMethod[] KNOWN = {INVITE, ACK, BYE, CANCEL, REGISTER, OPTIONS, PRACK, UPDATE, INFO,
        MESSAGE, REFER, SUBSCRIBE, NOTIFY, PUBLISH};

    public SipMethod {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("method must not be empty");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c > 127 || !MessageChars.isToken(c)) {
                throw new IllegalArgumentException("method is not a token: " + name);
            }
        }
    }

    /** The method for a token; RFC methods return their constant. */
    public static SipMethod of(String token) {
        for (SipMethod m : KNOWN) {
            if (m.name.equals(token)) {
                return m;
            }
        }
        return new SipMethod(token);
    }

    /** The method written at {@code b[from, to)} (already checked to be a token). */
    static SipMethod of(byte[] b, int from, int to) {
        int len = to - from;
        for (SipMethod m : KNOWN) {
            if (m.name.length() == len && sameAscii(m.name, b, from)) {
                return m;
            }
        }
        return new SipMethod(new String(b, from, len, java.nio.charset.StandardCharsets.US_ASCII));
    }

    private static boolean sameAscii(String s, byte[] b, int from) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) != b[from + i]) {
                return false;
            }
        }
        return true;
    }

    /** True for INVITE. */
    public boolean isInvite() {
        return this.equals(INVITE);
    }

    @Override
    public String toString() {
        return name;
    }
}
