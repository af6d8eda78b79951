package io.sipplatform.routing.domain;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Port: a shared key-value store with atomic conditional writes, the ground {@link SlotLimits} counts on. The
 * cluster adapter is an Infinispan cache in which every conditional write runs on the key's primary owner, so two
 * replicas never both win one key. {@code lifespan} only lets the store forget keys; expiry that matters is written
 * into the values and checked by {@link SlotLimits} with its own clock.
 */
public interface SlotStore {

    /** Current values of those keys that exist. */
    Map<String, String> read(List<String> keys);

    /** Writes {@code value} if the key is absent; true when this call wrote it. */
    boolean claim(String key, String value, Duration lifespan);

    /** Replaces the value if it still is {@code expected}; true when this call replaced it. */
    boolean reclaim(String key, String expected, String value, Duration lifespan);

    /** Removes the key if its value still is {@code expected}; true when this call removed it. */
    boolean free(String key, String expected);
}
