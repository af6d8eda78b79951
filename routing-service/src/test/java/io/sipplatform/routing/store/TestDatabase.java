package io.sipplatform.routing.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A migrated, empty database for one test: H2 in memory in PostgreSQL mode (the embedded default's dialect), or a
 * schema of its own on the real PostgreSQL server (127.0.0.1:5432, database {@code test}; override with
 * -Drouting.test.postgresql.url / .user), dropped again by {@link #close}.
 */
final class TestDatabase implements AutoCloseable {
    /** Which database. */
    enum Kind { H2, POSTGRESQL }

    static final String PG_URL = System.getProperty("routing.test.postgresql.url",
            "jdbc:postgresql://127.0.0.1:5432/test");
    static final String PG_USER = System.getProperty("routing.test.postgresql.user", "postgres");

    final Kind kind;
    final DataSource dataSource;
    private final String schema;

    private TestDatabase(Kind kind, DataSource dataSource, String schema) {
        this.kind = kind;
        this.dataSource = dataSource;
        this.schema = schema;
    }

    static TestDatabase create(Kind kind) {
        String name = "routing_t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        DataSource ds;
        if (kind == Kind.H2) {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL("jdbc:h2:mem:" + name + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
                    + ";DB_CLOSE_DELAY=-1");
            ds = h2;
        } else {
            PGSimpleDataSource pg = new PGSimpleDataSource();
            pg.setURL(PG_URL);
            pg.setUser(PG_USER);
            pg.setCurrentSchema(name);
            ds = pg;
        }
        Flyway.configure().dataSource(ds).schemas(kind == Kind.H2 ? "public" : name)
                .locations("classpath:db/migration").load().migrate();
        return new TestDatabase(kind, ds, name);
    }

    @Override
    public void close() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(kind == Kind.H2 ? "SHUTDOWN" : "DROP SCHEMA " + schema + " CASCADE");
        }
    }

    @Override
    public String toString() {
        return kind.name();
    }
}
