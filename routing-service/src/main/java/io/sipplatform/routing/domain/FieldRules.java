package io.sipplatform.routing.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/** Validation shared by the provisioning records; every failure is an {@link InvalidField} naming the field. */
final class FieldRules {
    static final int MAX_ID = 64;
    static final int MAX_NAME = 200;

    private FieldRules() {
    }

    /** Ids: 1..64 of {@code [A-Za-z0-9._-]}, so they can travel in lease ids, metrics tags and URLs unescaped. */
    static String id(String field, String value) {
        required(field, value);
        if (value.length() > MAX_ID) {
            throw new InvalidField(field, "at most " + MAX_ID + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_'
                    || c == '-';
            if (!ok) {
                throw new InvalidField(field, "only letters, digits, '.', '_' and '-' are allowed");
            }
        }
        return value;
    }

    static String optionalId(String field, String value) {
        return value == null || value.isEmpty() ? null : id(field, value);
    }

    /** Free text: 1..200 characters without control characters. */
    static String name(String field, String value) {
        required(field, value);
        if (value.length() > MAX_NAME) {
            throw new InvalidField(field, "at most " + MAX_NAME + " characters");
        }
        noControls(field, value);
        return value;
    }

    static void required(String field, Object value) {
        if (value == null || value instanceof String && ((String) value).isEmpty()) {
            throw new InvalidField(field, "required");
        }
    }

    static void noControls(String field, String value) {
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) < 0x20 || value.charAt(i) == 0x7f) {
                throw new InvalidField(field, "control characters are not allowed");
            }
        }
    }

    static int range(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new InvalidField(field, "must be between " + min + " and " + max);
        }
        return value;
    }

    /** Digits only, 1..max characters, or null/empty when optional. */
    static String digits(String field, String value, int max, boolean optional) {
        if (value == null || value.isEmpty()) {
            if (optional) {
                return "";
            }
            throw new InvalidField(field, "required");
        }
        if (value.length() > max) {
            throw new InvalidField(field, "at most " + max + " digits");
        }
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                throw new InvalidField(field, "digits only");
            }
        }
        return value;
    }

    /** An E.164 number: '+', a non-zero digit, at most 15 digits in all (ITU-T E.164 §6). */
    static String e164(String field, String value) {
        required(field, value);
        if (!E164.isE164(value)) {
            throw new InvalidField(field, "must be an E.164 number such as +4930123456");
        }
        return value;
    }

    /** A destination prefix: '+' and 0..15 digits ("+" alone matches everything). */
    static String e164Prefix(String field, String value) {
        required(field, value);
        if (!E164.isPrefix(value)) {
            throw new InvalidField(field, "must be '+' followed by up to 15 digits, e.g. +4930");
        }
        return value;
    }

    /** Copies a list, validating each element; {@code check} gets the element's path ({@code field[2]}). */
    static <T, R> List<R> each(String field, List<T> values, BiFunction<String, T, R> check) {
        if (values == null) {
            return List.of();
        }
        List<R> out = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            String path = field + "[" + i + "]";
            T value = values.get(i);
            if (value == null) {
                throw new InvalidField(path, "required");
            }
            out.add(check.apply(path, value));
        }
        return List.copyOf(out);
    }

    /** A list of records that validated themselves: only null elements are refused. */
    static <T> List<T> each(String field, List<T> values) {
        return each(field, values, (path, value) -> value);
    }
}
