package io.sipplatform.routing.store;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.arc.InjectableInstance;
import io.quarkus.flyway.FlywayDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;
import org.flywaydb.core.Flyway;
import org.jboss.logging.Logger;

/**
 * Chooses the database and migrates it: PostgreSQL when {@code quarkus.datasource.postgresql.jdbc.url} is set,
 * else the embedded H2 file under {@code routing.store.data-dir}. Both run the same Flyway migrations.
 */
@ApplicationScoped
public class StoreSetup {
    /** Datasource name of the production database. */
    public static final String POSTGRESQL = "postgresql";
    /** Datasource name of the embedded H2 file database. */
    public static final String EMBEDDED = "embedded";

    private static final Logger LOG = Logger.getLogger(StoreSetup.class);

    @Inject
    @Any
    InjectableInstance<AgroalDataSource> dataSources;

    @Inject
    @Any
    InjectableInstance<Flyway> flyways;

    // Whether the PostgreSQL datasource has a URL is Quarkus' own setting, not one of ours: read it as such.
    @Inject
    Config config;

    @Produces
    @Singleton
    ProvisioningStore store() {
        boolean postgresql = config.getOptionalValue("quarkus.datasource.postgresql.jdbc.url", String.class)
                .filter(url -> !url.isBlank()).isPresent();
        String name = postgresql ? POSTGRESQL : EMBEDDED;
        AgroalDataSource dataSource = dataSources.select(new DataSource.DataSourceLiteral(name)).get();
        Flyway flyway = flyways.select(FlywayDataSource.FlywayDataSourceLiteral.of(name)).get();
        int applied = flyway.migrate().migrationsExecuted;
        LOG.infof("provisioning store: %s datasource, %d migration(s) applied", name, applied);
        return new ProvisioningStore(dataSource);
    }
}
