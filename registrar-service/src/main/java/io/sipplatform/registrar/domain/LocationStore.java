package io.sipplatform.registrar.domain;

import java.time.Instant;
import java.util.List;

/**
 * The location service's storage port (RFC 3261 §10.2): one record per AOR holding its bindings, changed only by
 * compare-and-set so concurrent REGISTERs for one AOR on different replicas cannot lose each other's updates.
 * Implementations may fail with {@link LocationStoreException}; nothing else may escape.
 */
public interface LocationStore {

    /** The AOR's bindings as stored, possibly including expired ones; empty when the AOR has none. */
    List<Binding> bindings(Aor aor);

    /**
     * Replaces the AOR's bindings if they still equal {@code expected} (empty: the AOR has no record).
     *
     * @param next the new bindings, all of the same AOR; empty removes the record. The record may be dropped
     *             by the store once the last {@link Binding#expiresAt} has passed.
     * @return false when another writer changed the record first; nothing was written
     */
    boolean replace(Aor aor, List<Binding> expected, List<Binding> next);

    /**
     * AORs with a record, in ascending text order, that start with {@code prefix} and sort after {@code after}.
     *
     * @param after exclusive lower bound, or null to start at the beginning
     * @param limit most AORs to return, at least 1
     */
    List<Aor> aors(String prefix, Aor after, int limit);

    /** AORs with at least one binding reached over {@code flow}. */
    List<Aor> aorsReachedOver(Flow flow);

    /** Counts of live bindings across the whole store at {@code now}. */
    LocationCounts counts(Instant now);
}
