package io.sipplatform.registrar.store;

import io.sipplatform.registrar.domain.FailureCounters;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.infinispan.Cache;
import org.jboss.logging.Logger;

/**
 * Cluster-wide {@link FailureCounters} on the distributed security cache: every replica counts into the same entry
 * (compare-and-set on the key's primary owner), and windows and bans end by entry lifespan. Fails open, as the port
 * asks: when the cache cannot be used the failure is not counted and nothing is reported banned.
 */
public final class InfinispanFailureCounters implements FailureCounters {
    private static final Logger LOG = Logger.getLogger(InfinispanFailureCounters.class);
    private static final int ATTEMPTS = 8;

    private final Supplier<Cache<String, FailureWindow>> cache;
    private final InstantSource clock;

    public InfinispanFailureCounters(Supplier<Cache<String, FailureWindow>> cache, InstantSource clock) {
        this.cache = Objects.requireNonNull(cache, "cache");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public long recordFailure(String key, Duration window) {
        String counterKey = "failures:" + key;
        try {
            Cache<String, FailureWindow> counters = cache.get();
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                long now = InfinispanLocationStore.toNanos(clock.instant());
                FailureWindow current = counters.get(counterKey);
                if (current == null) {
                    FailureWindow first = new FailureWindow(now + window.toNanos(), 1);
                    if (counters.putIfAbsent(counterKey, first, window.toMillis(), TimeUnit.MILLISECONDS) == null) {
                        return 1;
                    }
                    continue;
                }
                boolean lapsed = current.endNanos() <= now;
                FailureWindow next = lapsed ? new FailureWindow(now + window.toNanos(), 1)
                        : new FailureWindow(current.endNanos(), current.count() + 1);
                long lifespan = Math.max(1, TimeUnit.NANOSECONDS.toMillis(next.endNanos() - now));
                if (counters.replace(counterKey, current, next, lifespan, TimeUnit.MILLISECONDS)) {
                    return next.count();
                }
            }
            LOG.debugf("failure counter %s kept changing; not counted", key);
        } catch (RuntimeException e) {
            LOG.warnf("brute-force counter unavailable, failure not counted: %s", e.toString());
        }
        return 0;
    }

    @Override
    public void ban(String key, Duration duration) {
        try {
            long end = InfinispanLocationStore.toNanos(clock.instant()) + duration.toNanos();
            cache.get().put("ban:" + key, new FailureWindow(end, 0), duration.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            LOG.warnf("brute-force ban of %s not stored: %s", key, e.toString());
        }
    }

    @Override
    public boolean isBanned(String key) {
        try {
            FailureWindow ban = cache.get().get("ban:" + key);
            return ban != null && InfinispanLocationStore.toNanos(clock.instant()) < ban.endNanos();
        } catch (RuntimeException e) {
            LOG.warnf("brute-force bans unavailable, %s not checked: %s", key, e.toString());
            return false;
        }
    }
}
