package io.sipplatform.routing.admin;

import io.sipplatform.routing.domain.InvalidField;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/** Mapping request bodies to domain records with field paths in every error. */
final class Fields {
    private Fields() {
    }

    /** Runs {@code build}; an InvalidField it throws is moved under {@code path}. */
    static <T> T at(String path, Supplier<T> build) {
        try {
            return build.get();
        } catch (InvalidField e) {
            throw e.under(path);
        }
    }

    /** Maps each element, naming {@code path[i]} in errors; null lists are empty. */
    static <A, B> List<B> each(String path, List<A> in, Function<A, B> map) {
        if (in == null) {
            return List.of();
        }
        List<B> out = new ArrayList<>(in.size());
        for (int i = 0; i < in.size(); i++) {
            A value = in.get(i);
            String element = path + "[" + i + "]";
            if (value == null) {
                throw new InvalidField(element, "required");
            }
            out.add(at(element, () -> map.apply(value)));
        }
        return out;
    }

    /** Maps scalar elements; {@code map} gets the element's path ({@code path[i]}) to name in its errors. */
    static <A, B> List<B> eachValue(String path, List<A> in, BiFunction<String, A, B> map) {
        if (in == null) {
            return List.of();
        }
        List<B> out = new ArrayList<>(in.size());
        for (int i = 0; i < in.size(); i++) {
            String element = path + "[" + i + "]";
            if (in.get(i) == null) {
                throw new InvalidField(element, "required");
            }
            out.add(map.apply(element, in.get(i)));
        }
        return out;
    }

    /** An enum constant by name in any case; {@code fallback} when absent. */
    static <E extends Enum<E>> E enumValue(String field, Class<E> type, String value, E fallback) {
        if (value == null || value.isEmpty()) {
            if (fallback == null) {
                throw new InvalidField(field, "required");
            }
            return fallback;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidField(field, "one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    static boolean flag(Boolean value, boolean fallback) {
        return value == null ? fallback : value;
    }

    static int number(Integer value, int fallback) {
        return value == null ? fallback : value;
    }

    /** The path id must match a body id when the body has one. */
    static String sameId(String field, String pathId, String bodyId) {
        if (bodyId != null && !bodyId.isEmpty() && !bodyId.equals(pathId)) {
            throw new InvalidField(field, "'" + bodyId + "' differs from the id in the URL '" + pathId + "'");
        }
        return pathId;
    }
}
