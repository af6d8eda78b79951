package io.sipplatform.registrar.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * Counts of the location store at one instant.
 *
 * @param aors             AORs with at least one live binding
 * @param bindings         live bindings
 * @param bindingsWithFlow live bindings reached over a flow an edge holds
 * @param countedAt        when the counts were taken
 */
public record LocationCounts(long aors, long bindings, long bindingsWithFlow, Instant countedAt) {

    public LocationCounts {
        Objects.requireNonNull(countedAt, "countedAt");
    }
}
