package io.sipplatform.routing.domain;

/**
 * How a carrier wants the called number in the Request-URI: written in a format, then {@code strip} leading
 * characters removed, then {@code add} and finally {@code techPrefix} put in front ({@code +4930123} with DIGITS,
 * strip 2, add "0", tech prefix "777#" gives {@code 777#030123}).
 */
public record NumberRewrite(NumberFormat format, int strip, String add, String techPrefix) {
    /** E.164 with '+', unchanged. */
    public static final NumberRewrite NONE = new NumberRewrite(NumberFormat.E164, 0, "", "");

    public NumberRewrite {
        FieldRules.required("format", format);
        FieldRules.range("strip", strip, 0, 15);
        add = dialChars("add", add);
        techPrefix = dialChars("techPrefix", techPrefix);
    }

    /** The Request-URI user for an E.164 destination. */
    public String apply(String e164, NumberPlan plan) {
        String written = format.write(e164, plan);
        written = strip >= written.length() ? "" : written.substring(strip);
        return techPrefix + add + written;
    }

    // Digits, '*' and '#': what carriers use as prefixes; all are valid in a SIP user part (RFC 3261 §25.1).
    private static String dialChars(String field, String value) {
        if (value == null) {
            return "";
        }
        if (value.length() > 16) {
            throw new InvalidField(field, "at most 16 characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!(c >= '0' && c <= '9' || c == '*' || c == '#' || c == '+' && i == 0)) {
                throw new InvalidField(field, "digits, '*', '#' and a leading '+' only");
            }
        }
        return value;
    }
}
