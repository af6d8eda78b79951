package io.sipplatform.routing.app;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/** The embedded default: an H2 file database, no server. */
@QuarkusTest
@WithTestResource(EmbeddedFileDatabase.class)
class EmbeddedRoutingAppTest extends RoutingAppContract {
    // Instance: a plain injection point would make the datasource required even in the other test app.
    @Inject
    @DataSource("embedded")
    Instance<AgroalDataSource> embedded;

    @Override
    AgroalDataSource dataSource() {
        return embedded.get();
    }
}
