package io.sipplatform.registrar.store;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.infinispan.Cache;
import org.infinispan.commons.util.CloseableIterator;
import org.infinispan.context.Flag;
import org.infinispan.distribution.DistributionManager;
import org.infinispan.distribution.LocalizedCacheTopology;
import org.infinispan.configuration.cache.BackupConfiguration;
import org.infinispan.configuration.cache.CacheMode;
import org.infinispan.configuration.cache.ConfigurationBuilder;
import org.infinispan.configuration.global.GlobalConfigurationBuilder;
import org.infinispan.factories.GlobalComponentRegistry;
import org.infinispan.health.CacheHealth;
import org.infinispan.health.HealthStatus;
import org.infinispan.manager.DefaultCacheManager;
import org.infinispan.remoting.transport.Transport;
import org.infinispan.remoting.transport.jgroups.JGroupsTransport;

/**
 * One registrar node's embedded Infinispan: the cache manager with the location cache and the security cache.
 * {@link #start} returns once the node has joined the cluster and received its share of the entries (initial state
 * transfer), which is when readiness may go UP.
 */
public final class LocationCacheNode implements AutoCloseable {
    /** Cache of AOR to {@link StoredAor}. */
    public static final String LOCATIONS = "registrar-locations";
    /** Cache of brute-force counters and bans. */
    public static final String SECURITY = "registrar-security";

    private final DefaultCacheManager manager;
    private final Cache<String, StoredAor> locations;
    private final Cache<String, FailureWindow> security;
    private final boolean clustered;
    private final String nodeName;

    private LocationCacheNode(DefaultCacheManager manager, boolean clustered, String nodeName) {
        this.manager = manager;
        this.clustered = clustered;
        this.nodeName = nodeName;
        // getCache blocks until the node joined and the initial state transfer finished (awaitInitialTransfer).
        this.locations = manager.getCache(LOCATIONS);
        this.security = manager.getCache(SECURITY);
    }

    /** Starts the node and waits until it joined the cluster and holds its entries. */
    public static LocationCacheNode start(ClusterSettings settings) {
        boolean clustered = settings.discovery() != ClusterSettings.Discovery.LOCAL;
        GlobalConfigurationBuilder global = clustered
                ? GlobalConfigurationBuilder.defaultClusteredBuilder()
                : new GlobalConfigurationBuilder().nonClusteredDefault();
        global.cacheContainer().statistics(false);
        global.serialization().addContextInitializer(new LocationSchemaImpl());
        if (clustered) {
            global.transport().clusterName(settings.clusterName()).nodeName(settings.nodeName())
                    .addProperty(JGroupsTransport.CHANNEL_CONFIGURATOR, JGroupsStack.configurator(settings));
        }
        DefaultCacheManager manager = new DefaultCacheManager(global.build(), false);
        try {
            // Start first: the transport learns the local site from RELAY2 only when it starts, and a cache with
            // cross-site backups refuses to be built before that.
            manager.start();
            ConfigurationBuilder locations = cacheConfiguration(clustered, settings.owners());
            settings.crossSite().ifPresent(crossSite -> {
                // Asynchronous backup: a REGISTER never waits for the other site; concurrent writes to one AOR at
                // two sites are merged per contact, newest registration first (never by site-name order).
                for (String remote : crossSite.remoteSites()) {
                    locations.sites().addBackup().site(remote).strategy(BackupConfiguration.BackupStrategy.ASYNC);
                }
                locations.sites().mergePolicy(new NewestBindingPerContact());
            });
            manager.defineConfiguration(LOCATIONS, locations.build());
            // Brute-force counters stay per site: a ban needs no second site's agreement.
            manager.defineConfiguration(SECURITY, cacheConfiguration(clustered, settings.owners()).build());
            return new LocationCacheNode(manager, clustered, settings.nodeName());
        } catch (RuntimeException e) {
            manager.stop();
            throw e;
        }
    }

    private static ConfigurationBuilder cacheConfiguration(boolean clustered, int owners) {
        ConfigurationBuilder builder = new ConfigurationBuilder();
        if (clustered) {
            // DIST_SYNC: a write returns after every owner has it, so losing one node loses no acknowledged binding.
            builder.clustering().cacheMode(CacheMode.DIST_SYNC).hash().numOwners(owners)
                    .stateTransfer().awaitInitialTransfer(true).timeout(4, TimeUnit.MINUTES);
        } else {
            builder.clustering().cacheMode(CacheMode.LOCAL);
        }
        // Lapsed entries are purged in the background as well as on access, so memory follows live bindings.
        builder.expiration().wakeUpInterval(30, TimeUnit.SECONDS);
        return builder;
    }

    public Cache<String, StoredAor> locations() {
        return locations;
    }

    public Cache<String, FailureWindow> security() {
        return security;
    }

    /** Members of the cluster as this node sees them; 1 for a local node. */
    public int members() {
        return clustered ? manager.getMembers().size() : 1;
    }

    /** True while the location cache moves entries between nodes after a join or a loss. */
    public boolean rebalancing() {
        return status() == HealthStatus.HEALTHY_REBALANCING;
    }

    /** True while the node runs and its caches serve requests (rebalancing included). */
    public boolean serving() {
        HealthStatus status = status();
        return manager.getStatus().allowInvocations()
                && (status == HealthStatus.HEALTHY || status == HealthStatus.HEALTHY_REBALANCING);
    }

    private HealthStatus status() {
        for (CacheHealth health : manager.getHealth().getCacheHealth(Set.of(LOCATIONS))) {
            return health.getStatus();
        }
        return HealthStatus.FAILED;
    }

    /**
     * Live bindings in the entries this node is primary owner of (all entries on a local node). Summed over the
     * cluster's nodes it counts every binding once; it reads only this node's memory.
     */
    public long primaryOwnedBindings(Instant now) {
        long nowNanos = InfinispanLocationStore.toNanos(now);
        DistributionManager distribution = clustered ? locations.getAdvancedCache().getDistributionManager() : null;
        LocalizedCacheTopology topology = distribution == null ? null : distribution.getCacheTopology();
        long count = 0;
        try (CloseableIterator<Map.Entry<String, StoredAor>> entries =
                locations.getAdvancedCache().withFlags(Flag.CACHE_MODE_LOCAL).entrySet().iterator()) {
            while (entries.hasNext()) {
                Map.Entry<String, StoredAor> entry = entries.next();
                if (topology != null && !topology.getDistribution(entry.getKey()).isPrimary()) {
                    continue;
                }
                for (StoredBinding binding : entry.getValue().bindings()) {
                    if (binding.expiresAtNanos() > nowNanos) {
                        count++;
                    }
                }
            }
        }
        return count;
    }

    /** The JGroups protocols this node runs, bottom up, e.g. "TCP:TCPPING:MERGE3:...": for logs and tests. */
    public String protocols() {
        if (!clustered) {
            return "";
        }
        JGroupsTransport transport = (JGroupsTransport) GlobalComponentRegistry.of(manager)
                .getComponent(Transport.class);
        return transport.getChannel().getProtocolStack().printProtocolSpec(false).replace("\n", "");
    }

    /** Name of this node in the cluster. */
    public String nodeName() {
        return nodeName;
    }

    /** Leaves the cluster gracefully, handing entries over to the remaining owners. */
    @Override
    public void close() {
        manager.stop();
    }
}
