package io.sipplatform.routing.domain;

import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * A thread-safe RandomGenerator for production: every call goes to {@code ThreadLocalRandom.current()} of the
 * calling thread. Holding the result of one {@code current()} call and using it from other threads would give
 * threads that never called {@code current()} themselves an unseeded, identical sequence (duplicate lease tokens,
 * identical weighted orders).
 */
public final class PerThreadRandom implements RandomGenerator {
    /** The one instance; it has no state of its own. */
    public static final PerThreadRandom INSTANCE = new PerThreadRandom();

    private PerThreadRandom() {
    }

    @Override
    public long nextLong() {
        return ThreadLocalRandom.current().nextLong();
    }

    @Override
    public int nextInt(int bound) {
        return ThreadLocalRandom.current().nextInt(bound);
    }

    @Override
    public long nextLong(long bound) {
        return ThreadLocalRandom.current().nextLong(bound);
    }

    @Override
    public void nextBytes(byte[] bytes) {
        ThreadLocalRandom.current().nextBytes(bytes);
    }
}
