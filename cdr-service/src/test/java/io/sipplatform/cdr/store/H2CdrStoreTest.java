package io.sipplatform.cdr.store;

import javax.sql.DataSource;

/** The store on the embedded default's engine: H2 in PostgreSQL mode, in memory, a fresh database per test. */
class H2CdrStoreTest extends CdrStoreContract {
    @Override
    DataSource open() {
        return TestDatabases.h2();
    }
}
