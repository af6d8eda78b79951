package io.sipplatform.routing.cluster;

import io.sipplatform.routing.domain.EdgeRoster;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.infinispan.Cache;

/** Edge replicas that asked for probe targets, with the time they last asked; silent edges drop out. */
public final class InfinispanEdgeRoster implements EdgeRoster {
    private final Cache<String, String> cache;
    private final Duration ttl;

    InfinispanEdgeRoster(Cache<String, String> cache, Duration ttl) {
        this.cache = cache;
        this.ttl = ttl;
    }

    @Override
    public Set<String> checkIn(String edgeId, Instant now) {
        cache.put(edgeId, Long.toString(now.toEpochMilli()), ttl.toMillis() * 2, TimeUnit.MILLISECONDS);
        long oldest = now.minus(ttl).toEpochMilli();
        Set<String> active = new HashSet<>();
        for (Map.Entry<String, String> e : cache.entrySet()) {
            try {
                if (Long.parseLong(e.getValue()) >= oldest) {
                    active.add(e.getKey());
                }
            } catch (NumberFormatException corrupt) {
                // ignored: a corrupt entry expires on its own
            }
        }
        active.add(edgeId);
        return active;
    }
}
