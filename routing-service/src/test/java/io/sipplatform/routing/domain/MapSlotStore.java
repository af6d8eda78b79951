package io.sipplatform.routing.domain;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link SlotStore} over a ConcurrentHashMap: atomic like the cluster store, without lifespans. */
final class MapSlotStore implements SlotStore {
    final Map<String, String> entries = new ConcurrentHashMap<>();

    @Override
    public Map<String, String> read(List<String> keys) {
        Map<String, String> out = new HashMap<>();
        for (String key : keys) {
            String value = entries.get(key);
            if (value != null) {
                out.put(key, value);
            }
        }
        return out;
    }

    @Override
    public boolean claim(String key, String value, Duration lifespan) {
        return entries.putIfAbsent(key, value) == null;
    }

    @Override
    public boolean reclaim(String key, String expected, String value, Duration lifespan) {
        return entries.replace(key, expected, value);
    }

    @Override
    public boolean free(String key, String expected) {
        return entries.remove(key, expected);
    }
}
