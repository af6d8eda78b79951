package io.sipplatform.routing.app;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/** Production setup: the real PostgreSQL server, in a schema of this run, the embedded database switched off. */
@QuarkusTest
@WithTestResource(PostgresqlSchema.class)
class PostgresqlRoutingAppTest extends RoutingAppContract {
    // Instance: a plain injection point would make the datasource required even in the other test app.
    @Inject
    @DataSource("postgresql")
    Instance<AgroalDataSource> postgresql;

    @Override
    AgroalDataSource dataSource() {
        return postgresql.get();
    }
}
