package io.sipplatform.routing.domain;

import java.util.List;

/**
 * Header changes the edge applies to a forwarded request.
 *
 * @param add    headers to add, after the removals
 * @param remove header names to remove, case-insensitive
 */
public record HeaderEdits(List<Field> add, List<String> remove) {
    /** No changes. */
    public static final HeaderEdits NONE = new HeaderEdits(List.of(), List.of());

    /** One header field: a name and a single-line value. */
    public record Field(String name, String value) {
    }

    public HeaderEdits {
        add = List.copyOf(add);
        remove = List.copyOf(remove);
    }
}
