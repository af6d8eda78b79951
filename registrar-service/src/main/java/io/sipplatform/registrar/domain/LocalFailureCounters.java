package io.sipplatform.registrar.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link FailureCounters} in this JVM only: for a single node, and the fake in tests. Holds at most
 * {@code maxKeys} keys; past that, lapsed windows and bans are purged first, and if the map is still full new keys
 * are not counted (failing open, as the port allows) so a flood of source addresses cannot exhaust the heap.
 */
public final class LocalFailureCounters implements FailureCounters {
    private record Window(Instant start, Instant end, long count) {
    }

    private final InstantSource clock;
    private final int maxKeys;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final Map<String, Instant> bans = new ConcurrentHashMap<>();

    public LocalFailureCounters(InstantSource clock, int maxKeys) {
        this.clock = Objects.requireNonNull(clock, "clock");
        if (maxKeys < 1) {
            throw new IllegalArgumentException("maxKeys must be at least 1: " + maxKeys);
        }
        this.maxKeys = maxKeys;
    }

    @Override
    public long recordFailure(String key, Duration window) {
        Instant now = clock.instant();
        if (!windows.containsKey(key) && !roomFor(windows, now)) {
            return 0;
        }
        Window updated = windows.compute(key, (k, current) -> current == null || !now.isBefore(current.end())
                ? new Window(now, now.plus(window), 1)
                : new Window(current.start(), current.end(), current.count() + 1));
        return updated.count();
    }

    @Override
    public void ban(String key, Duration duration) {
        Instant now = clock.instant();
        if (bans.containsKey(key) || roomFor(bans, now)) {
            bans.put(key, now.plus(duration));
        }
    }

    @Override
    public boolean isBanned(String key) {
        Instant until = bans.get(key);
        return until != null && clock.instant().isBefore(until);
    }

    private boolean roomFor(Map<String, ?> map, Instant now) {
        if (map.size() < maxKeys) {
            return true;
        }
        windows.values().removeIf(w -> !now.isBefore(w.end()));
        bans.values().removeIf(until -> !now.isBefore(until));
        return map.size() < maxKeys;
    }
}
