package io.sipplatform.registrar.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Lookup order of an AOR's bindings: q-value highest first, bindings without q after those with one (the proto's
 * contract), then most recently updated first (RFC 3261 §16.6 leaves equal q to the proxy; the newest registration
 * is the likeliest reachable), then contact URI so the order is total.
 */
final class Lookup {
    static final Comparator<Binding> ORDER = Comparator
            .comparingInt((Binding b) -> b.qMilli().isPresent() ? -b.qMilli().getAsInt() : 1)
            .thenComparing(Binding::updatedAt, Comparator.reverseOrder())
            .thenComparing(Binding::contactUri);

    private Lookup() {
    }

    static List<Binding> ordered(List<Binding> bindings) {
        List<Binding> sorted = new ArrayList<>(bindings);
        sorted.sort(ORDER);
        return List.copyOf(sorted);
    }
}
