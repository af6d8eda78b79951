package io.sipplatform.routing.cluster;

import io.sipplatform.routing.domain.SlotStore;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.infinispan.Cache;

/**
 * Limit slots in a distributed cache. Conditional writes (putIfAbsent, replace, remove with a value) of a
 * non-transactional cache lock the key on its primary owner, so among racing replicas exactly one wins a slot.
 */
public final class InfinispanSlotStore implements SlotStore {
    private final Cache<String, String> cache;

    InfinispanSlotStore(Cache<String, String> cache) {
        this.cache = cache;
    }

    @Override
    public Map<String, String> read(List<String> keys) {
        return cache.getAdvancedCache().getAll(new HashSet<>(keys));
    }

    @Override
    public boolean claim(String key, String value, Duration lifespan) {
        return cache.putIfAbsent(key, value, lifespan.toMillis(), TimeUnit.MILLISECONDS) == null;
    }

    @Override
    public boolean reclaim(String key, String expected, String value, Duration lifespan) {
        return cache.replace(key, expected, value, lifespan.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public boolean free(String key, String expected) {
        return cache.remove(key, expected);
    }
}
