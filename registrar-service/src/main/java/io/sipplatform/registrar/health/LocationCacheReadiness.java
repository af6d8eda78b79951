package io.sipplatform.registrar.health;

import io.sipplatform.registrar.LocationCache;
import io.sipplatform.registrar.store.LocationCacheNode;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once this node joined the location cluster and received its entries (initial state transfer), and while its
 * caches serve; a rebalance started by another node's join or loss does not make it unready.
 */
@Readiness
@Singleton
public class LocationCacheReadiness implements HealthCheck {
    private final LocationCache cache;

    public LocationCacheReadiness(LocationCache cache) {
        this.cache = cache;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("location-cache");
        Optional<LocationCacheNode> node = cache.started();
        if (node.isEmpty()) {
            return response.down().withData("state", "joining").build();
        }
        LocationCacheNode started = node.get();
        return response.status(started.serving())
                .withData("node", started.nodeName())
                .withData("members", started.members())
                .withData("rebalancing", started.rebalancing())
                .build();
    }
}
