package io.sipplatform.registrar.domain;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of the operator listing.
 *
 * @param bindings live bindings ordered by AOR, then contact URI
 * @param next     where the next page starts; empty on the last page
 */
public record BindingPage(List<Binding> bindings, Optional<PageCursor> next) {

    public BindingPage {
        bindings = List.copyOf(bindings);
        Objects.requireNonNull(next, "next");
    }
}
