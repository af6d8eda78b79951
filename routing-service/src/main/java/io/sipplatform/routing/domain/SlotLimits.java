package io.sipplatform.routing.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.random.RandomGenerator;

/**
 * Limits as numbered slots in a shared {@link SlotStore}: a trunk limited to N concurrent calls has keys
 * {@code call/<trunk>/0..N-1}, and a call holds one by writing its lease into it. Winning a slot is one atomic
 * conditional write, so N slots admit exactly N calls however many replicas race. A slot whose lease expired (lost
 * release) counts as free and is taken over with a compare-and-set. Calls per second work the same with keys per
 * second ({@code cps/<trunk>/<epoch second>/0..M-1}): a fixed one-second window.
 *
 * <p>Cost: one batched read of the N keys, then one conditional write per attempted slot (usually one). Values are
 * {@code <lease id> <expiry epoch millis>}; lease ids are {@code <trunk>/<slot>/<random>}, so any replica can
 * release a lease without a lookup table.
 */
public final class SlotLimits implements CallLimits {
    private static final HexFormat HEX = HexFormat.of();
    private static final Duration RATE_KEY_LIFESPAN = Duration.ofSeconds(3);

    private final SlotStore store;
    private final Duration leaseLifetime;
    private final RandomGenerator random;

    /**
     * @param leaseLifetime how long a lease lives without release: the longest call the platform allows
     * @param random        source of lease tokens and of the slot search order; must be thread-safe
     */
    public SlotLimits(SlotStore store, Duration leaseLifetime, RandomGenerator random) {
        this.store = store;
        this.leaseLifetime = leaseLifetime;
        this.random = random;
    }

    @Override
    public Admission admit(String trunkId, TrunkLimits limits, boolean countRate, Instant now) {
        if (countRate && limits.maxCps() > 0) {
            long second = now.getEpochSecond();
            String base = "cps/" + trunkId + "/" + second + "/";
            long windowEnd = (second + 1) * 1000;
            String value = token() + " " + windowEnd;
            if (claimAny(base, limits.maxCps(), slot -> value, now, RATE_KEY_LIFESPAN) < 0) {
                return new Refused(RejectCause.CPS_LIMIT);
            }
        }
        if (limits.maxConcurrent() <= 0) {
            return new Admitted(null);
        }
        String token = token();
        Instant expiresAt = now.plus(leaseLifetime);
        String base = "call/" + trunkId + "/";
        // The lease id names its slot, so the value depends on the slot tried.
        int slot = claimAny(base, limits.maxConcurrent(),
                s -> leaseId(trunkId, s, token) + " " + expiresAt.toEpochMilli(), now, leaseLifetime);
        if (slot < 0) {
            return new Refused(RejectCause.CONCURRENCY_LIMIT);
        }
        return new Admitted(new Lease(leaseId(trunkId, slot, token), expiresAt));
    }

    @Override
    public boolean release(String leaseId, Instant now) {
        int last = leaseId == null ? -1 : leaseId.lastIndexOf('/');
        int middle = last <= 0 ? -1 : leaseId.lastIndexOf('/', last - 1);
        if (middle <= 0) {
            return false; // not one of ours: nothing to release
        }
        String key = "call/" + leaseId.substring(0, last);
        String current = store.read(List.of(key)).get(key);
        if (current == null || !current.startsWith(leaseId + " ")) {
            return false;
        }
        boolean freed = store.free(key, current);
        return freed && !expired(current, now);
    }

    /** Wins one free slot of {@code base0..base(slots-1)}; its index, or -1 when all are held. */
    private int claimAny(String base, int slots, IntFunction<String> valueForSlot, Instant now, Duration lifespan) {
        List<String> keys = new ArrayList<>(slots);
        for (int i = 0; i < slots; i++) {
            keys.add(base + i);
        }
        Map<String, String> taken = store.read(keys);
        // Start at a random slot so racing replicas spread over the free slots instead of all fighting for slot 0.
        int start = random.nextInt(slots);
        for (int n = 0; n < slots; n++) {
            int slot = (start + n) % slots;
            String key = keys.get(slot);
            String existing = taken.get(key);
            if (existing != null && !expired(existing, now)) {
                continue;
            }
            String value = valueForSlot.apply(slot);
            boolean won = existing == null ? store.claim(key, value, lifespan)
                    : store.reclaim(key, existing, value, lifespan);
            if (won) {
                return slot;
            }
        }
        return -1;
    }

    private static String leaseId(String trunkId, int slot, String token) {
        return trunkId + "/" + slot + "/" + token;
    }

    private String token() {
        byte[] bytes = new byte[8];
        random.nextBytes(bytes);
        return HEX.formatHex(bytes);
    }

    // A value we cannot read counts as expired: a corrupt slot must not block a trunk forever.
    private static boolean expired(String value, Instant now) {
        int space = value.lastIndexOf(' ');
        if (space < 0) {
            return true;
        }
        try {
            return Long.parseLong(value.substring(space + 1)) <= now.toEpochMilli();
        } catch (NumberFormatException e) {
            return true;
        }
    }
}
