package io.sipplatform.routing.store;

import io.sipplatform.routing.domain.Carrier;
import io.sipplatform.routing.domain.Customer;
import io.sipplatform.routing.domain.Did;
import io.sipplatform.routing.domain.EmergencyRoute;
import io.sipplatform.routing.domain.Provisioning;
import io.sipplatform.routing.domain.Route;
import io.sipplatform.routing.domain.RouteTable;
import io.sipplatform.routing.domain.Trunk;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Provisioning in a SQL database. Every write is one transaction that also increments {@code store_revision}, so
 * a replica that polls the revision knows when to reload; {@link #load} reads everything in one repeatable-read
 * transaction, so a snapshot never mixes two revisions.
 */
public final class ProvisioningStore {
    /** Most items one page may hold. */
    public static final int MAX_PAGE = 1000;

    /** A unit of work on one connection. */
    @FunctionalInterface
    private interface Work<R> {
        R run(Connection c) throws SQLException;
    }

    /**
     * CRUD for one kind of provisioning aggregate.
     *
     * @param <T> the domain record
     */
    public final class Entries<T> {
        private final String kind;
        private final Rows<T> rows;

        private Entries(String kind, Rows<T> rows) {
            this.kind = kind;
            this.rows = rows;
        }

        /** Up to {@code limit} (1..{@value #MAX_PAGE}) entries with id after {@code after} (null: first page). */
        public Page<T> page(String after, int limit) {
            int size = Math.max(1, Math.min(limit, MAX_PAGE));
            List<T> items = read(c -> rows.page(c, after, size + 1));
            if (items.size() > size) {
                List<T> page = items.subList(0, size);
                return new Page<>(page, rows.idOf(page.get(size - 1)));
            }
            return new Page<>(items, null);
        }

        public Optional<T> find(String id) {
            return read(c -> rows.find(c, id));
        }

        /**
         * Stores a new entry.
         *
         * @throws StoreConflict when the id exists
         * @throws io.sipplatform.routing.domain.InvalidField when it references something missing
         */
        public void create(T value) {
            write(c -> {
                if (rows.find(c, rows.idOf(value)).isPresent()) {
                    throw new StoreConflict(kind + " '" + rows.idOf(value) + "' exists already");
                }
                rows.checkReferences(c, value);
                rows.insert(c, value);
                return null;
            });
        }

        /** Replaces an entry; false when there is none with that id (nothing is written). */
        public boolean replace(T value) {
            return write(c -> {
                rows.checkReferences(c, value);
                if (!rows.update(c, value)) {
                    throw new NotFound();
                }
                return Boolean.TRUE;
            }) != null;
        }

        /**
         * Deletes an entry; false when there is none.
         *
         * @throws StoreConflict when something still references it
         */
        public boolean delete(String id) {
            return write(c -> {
                if (!rows.delete(c, id)) {
                    throw new NotFound();
                }
                return Boolean.TRUE;
            }) != null;
        }
    }

    /** Rolls a write back without an error: the entry did not exist. */
    private static final class NotFound extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotFound() {
            super(null, null, false, false);
        }
    }

    private final DataSource dataSource;
    private final CustomerRows customerRows = new CustomerRows();
    private final RouteTableRows routeTableRows = new RouteTableRows();
    private final TrunkRows trunkRows = new TrunkRows();
    private final DidRows didRows = new DidRows();
    private final CarrierRows carrierRows = new CarrierRows();
    private final RouteRows routeRows = new RouteRows();
    private final EmergencyRows emergencyRows = new EmergencyRows();

    public ProvisioningStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Entries<Customer> customers() {
        return new Entries<>("customer", customerRows);
    }

    public Entries<RouteTable> routeTables() {
        return new Entries<>("route table", routeTableRows);
    }

    public Entries<Trunk> trunks() {
        return new Entries<>("trunk", trunkRows);
    }

    public Entries<Did> dids() {
        return new Entries<>("DID", didRows);
    }

    public Entries<Carrier> carriers() {
        return new Entries<>("carrier", carrierRows);
    }

    public Entries<Route> routes() {
        return new Entries<>("route", routeRows);
    }

    public Entries<EmergencyRoute> emergencyRoutes() {
        return new Entries<>("emergency route", emergencyRows);
    }

    /** The revision: incremented by every committed write. */
    public long revision() {
        return read(ProvisioningStore::revision);
    }

    private static long revision(Connection c) throws SQLException {
        return Sql.query(c, "SELECT revision FROM store_revision WHERE id = 1", rs -> rs.getLong(1)).get(0);
    }

    /** Everything, consistent at one revision. */
    public Provisioning load() {
        return run(c -> {
            int isolation = c.getTransactionIsolation();
            c.setAutoCommit(false);
            c.setReadOnly(true);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                Provisioning p = new Provisioning(revision(c), routeTableRows.page(c, null, 0),
                        customerRows.page(c, null, 0), trunkRows.page(c, null, 0), didRows.page(c, null, 0),
                        carrierRows.page(c, null, 0), routeRows.page(c, null, 0), emergencyRows.page(c, null, 0));
                c.commit();
                return p;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                // The pooled connection goes back as it came: writes under REPEATABLE READ could fail on
                // concurrent revision updates (PostgreSQL serialization errors).
                c.setTransactionIsolation(isolation);
                c.setReadOnly(false);
                c.setAutoCommit(true);
            }
        });
    }

    private <R> R read(Work<R> work) {
        return run(work);
    }

    /** Runs {@code work} in a transaction that also bumps the revision; null when it threw NotFound. */
    private <R> R write(Work<R> work) {
        return run(c -> {
            c.setAutoCommit(false);
            try {
                R result = work.run(c);
                Sql.update(c, "UPDATE store_revision SET revision = revision + 1 WHERE id = 1");
                c.commit();
                return result;
            } catch (NotFound e) {
                c.rollback();
                return null;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        });
    }

    private <R> R run(Work<R> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            // SQLState class 23: integrity constraint violation (duplicate key, row still referenced).
            if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                throw new StoreConflict("conflicts with stored provisioning: " + firstLine(e.getMessage()));
            }
            throw new StoreFailure("provisioning store unavailable: " + firstLine(e.getMessage()), e);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
