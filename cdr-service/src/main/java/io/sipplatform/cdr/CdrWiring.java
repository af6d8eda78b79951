package io.sipplatform.cdr;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.arc.InjectableInstance;
import io.quarkus.flyway.FlywayDataSource;
import io.sipplatform.cdr.domain.OrphanSweep;
import io.sipplatform.cdr.grpc.ProtoEvents;
import io.sipplatform.cdr.store.CdrQueries;
import io.sipplatform.cdr.store.CdrStore;
import io.sipplatform.cdr.store.PartitionMaintenance;
import io.sipplatform.cdr.store.StoreFailure;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.InstantSource;
import org.eclipse.microprofile.config.Config;
import org.flywaydb.core.Flyway;
import org.jboss.logging.Logger;

/**
 * Chooses the database and migrates it (PostgreSQL when {@code quarkus.datasource.postgresql.jdbc.url} is set, else
 * the embedded H2 file under {@code cdr.store.data-dir}; same Flyway migrations), then builds the store, queries and
 * orphan sweep on it.
 */
@ApplicationScoped
public class CdrWiring {
    /** Datasource name of the production database. */
    public static final String POSTGRESQL = "postgresql";
    /** Datasource name of the embedded H2 file database. */
    public static final String EMBEDDED = "embedded";

    private static final Logger LOG = Logger.getLogger(CdrWiring.class);

    @Inject
    @Any
    InjectableInstance<AgroalDataSource> dataSources;

    @Inject
    @Any
    InjectableInstance<Flyway> flyways;

    // Whether the PostgreSQL datasource has a URL is Quarkus' own setting, not one of ours: read it as such.
    @Inject
    Config config;

    @Inject
    CdrConfig cdrConfig;

    @Produces
    @Singleton
    SelectedDatabase database() {
        boolean postgresql = config.getOptionalValue("quarkus.datasource.postgresql.jdbc.url", String.class)
                .filter(url -> !url.isBlank()).isPresent();
        String name = postgresql ? POSTGRESQL : EMBEDDED;
        AgroalDataSource dataSource = dataSources.select(new DataSource.DataSourceLiteral(name)).get();
        Flyway flyway = flyways.select(FlywayDataSource.FlywayDataSourceLiteral.of(name)).get();
        int applied = flyway.migrate().migrationsExecuted;
        LOG.infof("CDR store: %s datasource, %d migration(s) applied", name, applied);
        return new SelectedDatabase(name, dataSource);
    }

    // Choose and migrate on the main thread at startup, not lazily on an event loop when gRPC first needs the store;
    // then create the coming days' partitions before the first call needs them.
    void start(@Observes StartupEvent event, SelectedDatabase database, PartitionKeeper partitions) {
        try {
            partitions.runOnce();
        } catch (StoreFailure e) {
            LOG.warnf(e, "partition maintenance failed at startup; calls go to the default partition until it runs");
        }
        LOG.debugf("CDR store ready on %s", database.name());
    }

    @Produces
    @Singleton
    PartitionMaintenance partitionMaintenance(SelectedDatabase database) {
        return new PartitionMaintenance(database.dataSource(), InstantSource.system(),
                cdrConfig.partitions().daysAhead(), cdrConfig.partitions().retentionDays());
    }

    @Produces
    @Singleton
    ProtoEvents codec() {
        return new ProtoEvents();
    }

    @Produces
    @Singleton
    CdrStore store(SelectedDatabase database, ProtoEvents codec) {
        return new CdrStore(database.dataSource(), codec, InstantSource.system());
    }

    @Produces
    @Singleton
    CdrQueries queries(SelectedDatabase database) {
        return new CdrQueries(database.dataSource());
    }

    @Produces
    @Singleton
    OrphanSweep orphanSweep() {
        return new OrphanSweep(cdrConfig.orphans().maxDuration(), InstantSource.system());
    }
}
