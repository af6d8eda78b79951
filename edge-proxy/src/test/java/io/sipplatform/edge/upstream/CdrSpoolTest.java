package io.sipplatform.edge.upstream;

import io.sipplatform.proto.cdr.v1.CallEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** No CDR event is lost while cdr-service is down, and none is kept once it acknowledged. */
class CdrSpoolTest {
    @TempDir
    Path dir;

    static CallEvent event(int i) {
        return CallEvent.newBuilder().setCallId("call-" + i).setLeg(0).setSequence(1).build();
    }

    @Test
    void eventsAreSentAndAcknowledgedOnes() throws Exception {
        List<CallEvent> received = new CopyOnWriteArrayList<>();
        try (CdrSpool spool = new CdrSpool(dir, 1 << 20, batch -> {
            received.addAll(batch);
            return CompletableFuture.completedFuture(null);
        }, Duration.ofSeconds(2))) {
            for (int i = 0; i < 50; i++) {
                spool.offer(event(i));
            }
            assertTrue(spool.awaitEmpty(Duration.ofSeconds(10)));
            assertEquals(50, spool.sent());
        }
        assertEquals(50, received.size());
        assertEquals("call-0", received.get(0).getCallId());
    }

    @Test
    void whileTheServiceIsDownEventsWaitAndGoOutWhenItReturns() throws Exception {
        AtomicBoolean up = new AtomicBoolean(false);
        List<CallEvent> received = new CopyOnWriteArrayList<>();
        try (CdrSpool spool = new CdrSpool(dir, 1 << 20, batch -> {
            if (!up.get()) {
                return CompletableFuture.failedFuture(new IllegalStateException("UNAVAILABLE"));
            }
            received.addAll(batch);
            return CompletableFuture.completedFuture(null);
        }, Duration.ofSeconds(2))) {
            for (int i = 0; i < 10; i++) {
                spool.offer(event(i));
            }
            assertTrue(!spool.awaitEmpty(Duration.ofMillis(300)), "nothing acknowledged while down");
            assertEquals(0, received.size());
            up.set(true);
            assertTrue(spool.awaitEmpty(Duration.ofSeconds(10)), "retried after the back-off");
        }
        assertEquals(10, received.size());
    }

    @Test
    void unacknowledgedEventsSurviveARestart() throws Exception {
        try (CdrSpool spool = new CdrSpool(dir, 1 << 20,
                batch -> CompletableFuture.failedFuture(new IllegalStateException("down")), Duration.ofSeconds(1))) {
            for (int i = 0; i < 7; i++) {
                spool.offer(event(i));
            }
            assertTrue(!spool.awaitEmpty(Duration.ofMillis(200)));
        }
        List<CallEvent> received = new CopyOnWriteArrayList<>();
        try (CdrSpool again = new CdrSpool(dir, 1 << 20, batch -> {
            received.addAll(batch);
            return CompletableFuture.completedFuture(null);
        }, Duration.ofSeconds(2))) {
            assertTrue(again.awaitEmpty(Duration.ofSeconds(10)));
        }
        assertEquals(7, received.size(), "every event of the first run delivered after the restart");
        try (CdrSpool third = new CdrSpool(dir, 1 << 20, batch -> {
            received.addAll(batch);
            return CompletableFuture.completedFuture(null);
        }, Duration.ofSeconds(2))) {
            assertTrue(third.awaitEmpty(Duration.ofSeconds(2)));
        }
        assertEquals(7, received.size(), "acknowledged events are not sent again");
    }

    @Test
    void aFullSpoolDropsAndCountsNewEvents() throws Exception {
        try (CdrSpool spool = new CdrSpool(dir, 100,
                batch -> CompletableFuture.failedFuture(new IllegalStateException("down")), Duration.ofSeconds(1))) {
            for (int i = 0; i < 20; i++) {
                spool.offer(event(i));
            }
            long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (spool.dropped() < 13 && System.nanoTime() < end) {
                Thread.onSpinWait();
            }
            // events are 14 bytes on disk (4 length + 10 protobuf): 100 bytes hold 7, the other 13 are counted drops
            assertEquals(13, spool.dropped());
            assertEquals(7, spool.pending(), "the kept ones wait for the service");
        }
    }
}
