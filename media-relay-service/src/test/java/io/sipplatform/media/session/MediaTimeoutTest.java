package io.sipplatform.media.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sipplatform.media.relay.MediaEvent;
import io.sipplatform.media.relay.RelayObserver;
import io.sipplatform.media.relay.Timers;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;

class MediaTimeoutTest {
    private Instant now = Instant.parse("2026-11-21T10:00:00Z");
    private final InstantSource clock = () -> now;
    private final List<MediaEvent> events = new ArrayList<>();

    /** Timers fired by the test: one pending timer at a time, as a session keeps. */
    private final class StepTimers implements Timers {
        Runnable task;
        Duration delay;
        Instant due;

        @Override
        public Timer schedule(String name, Duration d, Runnable t) {
            assertEquals("media-timeout", name);
            task = t;
            delay = d;
            due = now.plus(d);
            return () -> task = null;
        }

        /** Moves the clock to the timer's due time and fires it. */
        void fire() {
            Runnable t = task;
            now = due;
            task = null;
            t.run();
        }
    }

    private final StepTimers timers = new StepTimers();

    private Session session(Duration timeout) {
        Session s = new Session("call-1", "a-tag", clock, RelayObserver.NONE, events::add, timers, timeout, null);
        s.startTimeout(null);
        return s;
    }

    @Test
    void silenceForTheTimeoutRaisesOneEvent() {
        session(Duration.ofSeconds(30));
        timers.fire();
        assertEquals(1, events.size());
        MediaEvent.MediaTimeout timeout = (MediaEvent.MediaTimeout) events.get(0);
        assertEquals("call-1", timeout.callId());
        assertEquals("a-tag", timeout.tag());
        assertEquals(Duration.ofSeconds(30), timeout.idle());
        timers.fire();
        timers.fire();
        assertEquals(1, events.size(), "one event per idle period");
    }

    @Test
    void mediaBeforeTheTimeoutPostponesIt() {
        Session s = session(Duration.ofSeconds(30));
        now = now.plusSeconds(20);
        s.onActivity(now.toEpochMilli());
        timers.fire(); // t=30 s: only 10 s idle
        assertTrue(events.isEmpty());
        assertEquals(Duration.ofSeconds(20), timers.delay);
        timers.fire(); // t=50 s: 30 s idle
        assertEquals(1, events.size());
    }

    @Test
    void mediaThatResumesAndStopsAgainIsReportedAgain() {
        Session s = session(Duration.ofSeconds(10));
        timers.fire();
        s.onActivity(now.toEpochMilli());
        timers.fire();
        assertEquals(2, events.size());
    }

    @Test
    void anEndedSessionReportsNothing() {
        Session s = session(Duration.ofSeconds(10));
        Runnable pending = timers.task;
        s.end();
        now = now.plusSeconds(60);
        pending.run();
        assertTrue(events.isEmpty());
    }

    @Test
    void anOfferCanShortenTheTimeout() {
        Session s = session(Duration.ofSeconds(60));
        s.startTimeout(Duration.ofSeconds(5));
        assertEquals(Duration.ofSeconds(5), timers.delay);
    }
}
