package io.sipplatform.cdr.store;

import javax.sql.DataSource;

/** The store on the real PostgreSQL server, in a schema of its own per test, dropped afterwards. */
class PostgresqlCdrStoreTest extends CdrStoreContract {
    private String schema;

    @Override
    DataSource open() {
        schema = TestDatabases.newSchemaName();
        return TestDatabases.postgresql(schema);
    }

    @Override
    void close() {
        TestDatabases.dropPostgresql(schema);
    }
}
