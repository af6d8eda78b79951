package io.sipplatform.routing.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class PerThreadRandomTest {
    @Test
    void freshThreadsDrawDifferentValues() throws InterruptedException {
        // Shared and used from threads that never called ThreadLocalRandom.current() themselves: the case that
        // gives identical sequences when a captured ThreadLocalRandom instance is shared instead.
        Set<Long> firstDraws = ConcurrentHashMap.newKeySet();
        Thread[] threads = new Thread[8];
        for (int i = 0; i < threads.length; i++) {
            threads[i] = new Thread(() -> firstDraws.add(PerThreadRandom.INSTANCE.nextLong()));
            threads[i].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(8, firstDraws.size());
    }
}
