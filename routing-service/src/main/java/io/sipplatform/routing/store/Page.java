package io.sipplatform.routing.store;

import java.util.List;

/**
 * One page of a listing in id order.
 *
 * @param items      at most the requested number
 * @param nextCursor id to pass as {@code after} for the next page; null on the last page
 */
public record Page<T>(List<T> items, String nextCursor) {
    public Page {
        items = List.copyOf(items);
    }
}
