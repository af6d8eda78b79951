package io.sipplatform.sip.uri;

import io.sipplatform.sip.SipParseException;
import io.sipplatform.sip.grammar.PercentEncoding;
import io.sipplatform.sip.grammar.SipChars;
import io.sipplatform.sip.header.Param;
import io.sipplatform.sip.header.Params;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A tel URI (RFC 3966 §3): a global number ("+" digits with visual separators) or a local number, which must carry
 * a phone-context parameter. The number is kept as written, separators included; parameter values are held
 * unescaped and names compare case-insensitively.
 *
 * @param number global-number-digits or local-number-digits as written, e.g. "+1-201-555-0123" or "7042"
 * @param params parameters in order (isub, ext, phone-context, others); a null value is a flag
 */
public record TelUri(String number, List<Param> params) implements Uri {
    private static final int PARAM_CHARS = SipChars.UNRESERVED | SipChars.PARAM_UNRESERVED;
    // isub = ";isub=" 1*uric (RFC 3966 §3): any URI character but the ';' that starts the next parameter
    private static final int ISUB_CHARS = SipChars.URI;

    public TelUri {
        Objects.requireNonNull(number, "number");
        if (number.isEmpty() || numberEnd(number, 0, number.length()) != number.length()) {
            throw new IllegalArgumentException("invalid telephone number: " + number);
        }
        params = List.copyOf(params);
        for (Param p : params) {
            String problem = paramProblem(p);
            if (problem != null) {
                throw new IllegalArgumentException(problem);
            }
        }
        if (number.charAt(0) != '+' && !Params.has(params, "phone-context")) {
            throw new IllegalArgumentException("local number without phone-context: " + number);
        }
    }

    @Override
    public String scheme() {
        return "tel";
    }

    /** True for a global number ("+..."), false for a local number with a phone-context. */
    public boolean isGlobal() {
        return number.charAt(0) == '+';
    }

    /** Value of the first parameter named {@code name} (case-insensitive), or null if absent or a flag. */
    public String param(String name) {
        return Params.get(params, name);
    }

    /** Parses a whole "tel:" URI. */
    public static TelUri parse(String text) {
        if (text == null) {
            throw new SipParseException("missing URI", -1);
        }
        int colon = AbsoluteUri.schemeEnd(text, 0, text.length());
        if (!SipChars.regionEqualsIgnoreCaseAscii(text, 0, colon, "tel")) {
            throw new SipParseException("not a tel URI", 0);
        }
        return parseAfterScheme(text, colon + 1, text.length());
    }

    /** telephone-subscriber in {@code text[from, to)} (RFC 3966 §3). */
    static TelUri parseAfterScheme(CharSequence text, int from, int to) {
        int i = numberEnd(text, from, to);
        if (i == from) {
            throw new SipParseException("invalid telephone number", from);
        }
        String number = text.subSequence(from, i).toString();
        List<Param> params = List.of();
        if (i < to && text.charAt(i) == ';') {
            List<Param> list = new ArrayList<>(2);
            while (i < to && text.charAt(i) == ';') {
                i++;
                // pname = 1*( alphanum / "-" )
                int nameStart = i;
                while (i < to && (SipChars.isAlphanum(text.charAt(i)) || text.charAt(i) == '-')) {
                    i++;
                }
                if (i == nameStart) {
                    throw new SipParseException("empty tel URI parameter name", i);
                }
                String name = text.subSequence(nameStart, i).toString();
                String value = null;
                if (i < to && text.charAt(i) == '=') {
                    i++;
                    int classes = SipChars.regionEqualsIgnoreCaseAscii(name, 0, name.length(), "isub")
                            ? ISUB_CHARS : PARAM_CHARS;
                    int valueStart = i;
                    while (i < to && text.charAt(i) != ';'
                            && (text.charAt(i) == '%' || SipChars.is(text.charAt(i), classes))) {
                        i++;
                    }
                    if (i == valueStart) {
                        throw new SipParseException("empty value of tel URI parameter " + name, i);
                    }
                    value = PercentEncoding.decode(text, valueStart, i, classes, "tel URI parameter");
                }
                Param p = new Param(name, value);
                String problem = paramProblem(p);
                if (problem != null) {
                    throw new SipParseException(problem, nameStart);
                }
                list.add(p);
            }
            params = List.copyOf(list);
        }
        if (i != to) {
            throw new SipParseException("unexpected character in tel URI", i);
        }
        if (number.charAt(0) != '+' && !Params.has(params, "phone-context")) {
            throw new SipParseException("local number without phone-context", from);
        }
        return new TelUri(number, params);
    }

    /**
     * End of global-number-digits ("+" *phonedigit DIGIT *phonedigit) or local-number-digits
     * (*phonedigit-hex (HEXDIG / "*" / "#") *phonedigit-hex) at {@code from}; {@code from} when there is none.
     */
    private static int numberEnd(CharSequence text, int from, int to) {
        int i = from;
        boolean global = i < to && text.charAt(i) == '+';
        if (global) {
            i++;
        }
        boolean hasDigit = false;
        while (i < to) {
            char c = text.charAt(i);
            boolean digit = global ? SipChars.isDigit(c) : SipChars.isHexDigit(c) || c == '*' || c == '#';
            if (digit) {
                hasDigit = true;
            } else if (!isVisualSeparator(c)) {
                break;
            }
            i++;
        }
        return hasDigit ? i : from;
    }

    private static boolean isVisualSeparator(char c) {
        return c == '-' || c == '.' || c == '(' || c == ')';
    }

    // the parameters RFC 3966 gives a grammar of their own; null when p is acceptable
    private static String paramProblem(Param p) {
        for (int k = 0; k < p.name().length(); k++) {
            char c = p.name().charAt(k);
            if (!SipChars.isAlphanum(c) && c != '-') {
                return "invalid tel URI parameter name: " + p.name();
            }
        }
        String v = p.value();
        if (v != null && v.isEmpty()) {
            return "empty value of tel URI parameter " + p.name();
        }
        if (p.is("phone-context")) {
            // descriptor = domainname / global-number-digits
            boolean valid = v != null && (v.charAt(0) == '+'
                    ? numberEnd(v, 0, v.length()) == v.length()
                    : Host.isHostname(v, 0, v.length()));
            return valid ? null : "invalid phone-context";
        }
        if (p.is("ext")) {
            // extension = ";ext=" 1*phonedigit
            boolean valid = v != null && numberEnd("+" + v, 0, v.length() + 1) == v.length() + 1;
            return valid ? null : "invalid ext";
        }
        if (p.is("isub") && v == null) {
            return "isub without value";
        }
        return null;
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(number.length() + 16);
        out.append("tel:").append(number);
        for (Param p : params) {
            out.append(';').append(p.name());
            if (p.value() != null) {
                out.append('=');
                PercentEncoding.encode(out, p.value(), PARAM_CHARS);
            }
        }
        return out.toString();
    }
}
