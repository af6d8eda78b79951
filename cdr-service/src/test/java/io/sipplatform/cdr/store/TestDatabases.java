package io.sipplatform.cdr.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Databases for store tests, migrated with the service's Flyway migrations: a fresh schema on the real PostgreSQL
 * server (127.0.0.1:5432, database test, user postgres; override with -Dcdr.test.postgresql.host/.user), dropped by
 * {@link #dropPostgresql}, or a fresh H2 in-memory database in PostgreSQL mode.
 */
final class TestDatabases {
    static final String HOST = System.getProperty("cdr.test.postgresql.host", "127.0.0.1");
    static final String USER = System.getProperty("cdr.test.postgresql.user", "postgres");

    private TestDatabases() {
    }

    static String newSchemaName() {
        return "cdr_store_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    static DataSource postgresql(String schema) {
        DataSource ds = postgresqlAt(schema, null);
        migrate(ds, null);
        return ds;
    }

    /** A fresh schema migrated up to the given version only (null: not at all). */
    static DataSource postgresqlAt(String schema, String version) {
        execute(postgresqlServer(null), "CREATE SCHEMA " + schema);
        PGSimpleDataSource ds = postgresqlServer(schema);
        if (version != null) {
            migrate(ds, version);
        }
        return ds;
    }

    static void dropPostgresql(String schema) {
        execute(postgresqlServer(null), "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }

    static DataSource h2() {
        return h2At(null);
    }

    /** A fresh in-memory H2 migrated up to the given version (null: to the latest). */
    static DataSource h2At(String version) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:cdr-" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000;DB_CLOSE_DELAY=-1");
        ds.setUser("cdr");
        migrate(ds, version);
        return ds;
    }

    private static PGSimpleDataSource postgresqlServer(String schema) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setServerNames(new String[] {HOST});
        ds.setPortNumbers(new int[] {5432});
        ds.setDatabaseName("test");
        ds.setUser(USER);
        if (schema != null) {
            ds.setCurrentSchema(schema);
        }
        return ds;
    }

    /** Migrates with the service's migrations (SQL and Java) up to the version, or the latest when null. */
    static void migrate(DataSource ds, String version) {
        var config = Flyway.configure().dataSource(ds).locations("classpath:db/migration");
        if (version != null) {
            config.target(version);
        }
        config.load().migrate();
    }

    private static void execute(DataSource ds, String sql) {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + HOST + ":5432 is required: " + e.getMessage(), e);
        }
    }
}
