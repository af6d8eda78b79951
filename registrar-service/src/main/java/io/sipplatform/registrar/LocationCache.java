package io.sipplatform.registrar;

import io.quarkus.runtime.Startup;
import io.sipplatform.registrar.store.ClusterSettings;
import io.sipplatform.registrar.store.CrossSite;
import io.sipplatform.registrar.store.LocationCacheNode;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * Owns this replica's embedded Infinispan node. It joins in the background so the process answers liveness while
 * state transfer runs; readiness goes UP once the join finished, and store calls made earlier wait for it up to
 * {@code registrar.cluster.start-timeout}.
 */
@Startup
@Singleton
public class LocationCache {
    private static final Logger LOG = Logger.getLogger(LocationCache.class);

    private final RegistrarConfig config;
    private final CompletableFuture<LocationCacheNode> node = new CompletableFuture<>();

    public LocationCache(RegistrarConfig config) {
        this.config = config;
    }

    @PostConstruct
    void start() {
        ClusterSettings settings = settings(config.cluster());
        Thread joiner = new Thread(() -> {
            try {
                LocationCacheNode started = LocationCacheNode.start(settings);
                LOG.infof("location cache node %s started (%s, %d member(s))", started.nodeName(),
                        settings.discovery(), started.members());
                node.complete(started);
            } catch (RuntimeException | Error e) {
                LOG.errorf(e, "location cache node failed to start");
                node.completeExceptionally(e);
            }
        }, "location-cache-join");
        joiner.setDaemon(true);
        joiner.start();
    }

    static ClusterSettings settings(RegistrarConfig.Cluster cluster) {
        String nodeName = cluster.nodeName().orElseGet(LocationCache::hostName);
        return new ClusterSettings(cluster.discovery(), cluster.name(), nodeName, cluster.bindAddress(),
                cluster.bindPort(), cluster.fdPortOffset(), cluster.initialHosts().orElse(List.of()),
                cluster.dnsQuery().orElse(""), cluster.owners(), cluster.joinTimeout(), crossSite(cluster));
    }

    private static Optional<CrossSite> crossSite(RegistrarConfig.Cluster cluster) {
        RegistrarConfig.CrossSiteBackup xsite = cluster.xsite();
        if (xsite.sites().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new CrossSite(xsite.localSite().orElseThrow(() -> new IllegalArgumentException(
                "registrar.cluster.xsite.local-site is required with registrar.cluster.xsite.sites")),
                xsite.sites().get(), xsite.bridgeBindAddress().orElse(cluster.bindAddress()), xsite.bridgePort(),
                xsite.bridgeHosts().orElse(List.of())));
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "registrar-" + UUID.randomUUID();
        }
    }

    /** The node, waiting for it to start; throws IllegalStateException if it did not in time or failed. */
    public LocationCacheNode node() {
        try {
            return node.get(config.cluster().startTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for the location cache", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("location cache failed to start", e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("location cache not started yet", e);
        }
    }

    /** The node if it has started, without waiting. */
    public Optional<LocationCacheNode> started() {
        return node.isDone() && !node.isCompletedExceptionally() ? Optional.of(node.join()) : Optional.empty();
    }

    @PreDestroy
    void stop() {
        // A graceful leave hands this node's entries to the remaining owners before the process exits.
        started().ifPresent(LocationCacheNode::close);
    }
}
