package io.sipplatform.cdr.app;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Production setup: the real PostgreSQL server, in a schema of this run, the embedded database switched off. */
@QuarkusTest
@WithTestResource(PostgresqlSchema.class)
class PostgresqlCdrAppTest extends CdrAppContract {
    @Override
    String expectedDatabase() {
        return "postgresql";
    }
}
