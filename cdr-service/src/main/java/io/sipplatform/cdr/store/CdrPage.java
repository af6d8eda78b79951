package io.sipplatform.cdr.store;

import io.sipplatform.cdr.domain.Cdr;
import java.util.List;
import java.util.Optional;

/** One page of CDRs in (start time, id) order and the cursor of the next page, empty on the last one. */
public record CdrPage(List<Cdr> items, Optional<PageCursor> next) {
    public CdrPage {
        items = List.copyOf(items);
    }
}
