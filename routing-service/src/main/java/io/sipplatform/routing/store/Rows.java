package io.sipplatform.routing.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * How one provisioning aggregate (a record with its child lists) is read, written and deleted. Writes run inside a
 * transaction the store opened; {@link #checkReferences} runs first so a dangling reference is a 400 naming the
 * field rather than a constraint violation.
 *
 * @param <T> the domain record
 */
interface Rows<T> {

    /** The aggregate's id. */
    String idOf(T value);

    /** Aggregates with id greater than {@code after} (null: from the start), at most {@code limit}, 0 = all. */
    List<T> page(Connection c, String after, int limit) throws SQLException;

    Optional<T> find(Connection c, String id) throws SQLException;

    /** Throws InvalidField when the value names something that does not exist or belongs to someone else. */
    void checkReferences(Connection c, T value) throws SQLException;

    void insert(Connection c, T value) throws SQLException;

    /** Replaces the aggregate with the same id; false when there is none. */
    boolean update(Connection c, T value) throws SQLException;

    /** False when there was none. Referenced aggregates fail with a foreign-key violation (a 409). */
    boolean delete(Connection c, String id) throws SQLException;
}
