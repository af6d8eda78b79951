package io.sipplatform.cdr.app;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

/**
 * A schema of its own on the real PostgreSQL server (127.0.0.1:5432, database test, user postgres; override with
 * -Dcdr.test.postgresql.url / .user), created before the app starts and dropped after it stopped. The embedded
 * datasource is switched off, as in production.
 */
public class PostgresqlSchema implements QuarkusTestResourceLifecycleManager {
    static final String URL = System.getProperty("cdr.test.postgresql.url", "jdbc:postgresql://127.0.0.1:5432/test");
    static final String USER = System.getProperty("cdr.test.postgresql.user", "postgres");

    private String schema;

    @Override
    public Map<String, String> start() {
        schema = "cdr_app_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute("CREATE SCHEMA " + schema);
        return Map.of("quarkus.datasource.postgresql.jdbc.url", URL + "?currentSchema=" + schema,
                "quarkus.datasource.postgresql.username", USER,
                "quarkus.datasource.embedded.active", "false");
    }

    @Override
    public void stop() {
        if (schema != null) {
            execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }

    private static void execute(String sql) {
        try (Connection c = DriverManager.getConnection(URL, USER, ""); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + URL + " is required for this test: " + e.getMessage(),
                    e);
        }
    }
}
