package io.sipplatform.media.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sipplatform.media.relay.StepTimers;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The silence watch of one session, with timers fired by name: media timeout, hold timeout, expiry. */
class IdleWatchTest {
    private static final Duration MEDIA = Duration.ofSeconds(60);
    private static final Duration HOLD = Duration.ofSeconds(3600);
    private static final Duration EXPIRY = Duration.ofSeconds(120);

    private final StepTimers timers = new StepTimers();
    private final List<Duration> timeouts = new ArrayList<>();
    private int expired;

    private IdleWatch watch(Duration expiry) {
        IdleWatch w = new IdleWatch(timers, timers, new IdleWatch.Limits(MEDIA, HOLD, expiry),
                new IdleWatch.Listener() {
                    @Override
                    public void timedOut(Duration idle) {
                        timeouts.add(idle);
                    }

                    @Override
                    public void expired() {
                        expired++;
                    }
                });
        w.start();
        return w;
    }

    private IdleWatch answered() {
        IdleWatch w = watch(EXPIRY);
        w.negotiated(true);
        return w;
    }

    private void packet(IdleWatch w) {
        w.activity(timers.millis());
    }

    @Test
    void aRingingCallWithoutAnswerReportsNoTimeout() {
        watch(EXPIRY);
        assertEquals(IdleWatch.UNANSWERED, timers.pending().name());
        assertEquals(HOLD, timers.pending().delay());
        timers.fire(IdleWatch.UNANSWERED);
        assertTrue(timeouts.isEmpty());
        assertEquals(0, expired);
    }

    @Test
    void aSessionNeverAnsweredNorDeletedExpiresAfterHoldTimeoutAndExpiry() {
        watch(EXPIRY);
        timers.fire(IdleWatch.UNANSWERED);
        assertEquals(EXPIRY, timers.pending().delay());
        timers.fire(IdleWatch.SESSION_EXPIRY);
        assertEquals(1, expired);
        assertTrue(timeouts.isEmpty(), "no media timeout before the answer");
    }

    @Test
    void theAnswerStartsTheMediaTimeoutFromNow() {
        IdleWatch w = watch(EXPIRY);
        timers.advance(Duration.ofSeconds(50)); // 50 s of ringing count for nothing
        w.negotiated(true);
        assertEquals(IdleWatch.MEDIA_TIMEOUT, timers.pending().name());
        assertEquals(MEDIA, timers.pending().delay());
    }

    @Test
    void silenceAfterTheAnswerRaisesOneTimeoutPerIdlePeriod() {
        answered();
        timers.fire(IdleWatch.MEDIA_TIMEOUT);
        assertEquals(List.of(MEDIA), timeouts);
        assertEquals(IdleWatch.SESSION_EXPIRY, timers.pending().name(), "no polling while timed out");
        assertEquals(EXPIRY, timers.pending().delay());
    }

    @Test
    void mediaBeforeTheTimeoutPostponesIt() {
        IdleWatch w = answered();
        timers.advance(Duration.ofSeconds(20));
        packet(w);
        timers.fire(IdleWatch.MEDIA_TIMEOUT); // t=60 s: 40 s idle
        assertTrue(timeouts.isEmpty());
        assertEquals(Duration.ofSeconds(20), timers.pending().delay());
        timers.fire(IdleWatch.MEDIA_TIMEOUT); // t=80 s: 60 s idle
        assertEquals(List.of(MEDIA), timeouts);
    }

    @Test
    void mediaThatResumesAndStopsAgainIsReportedAgain() {
        IdleWatch w = answered();
        timers.fire(IdleWatch.MEDIA_TIMEOUT);
        timers.advance(Duration.ofSeconds(5));
        packet(w);
        timers.fire(IdleWatch.MEDIA_TIMEOUT);
        assertEquals(List.of(MEDIA, MEDIA), timeouts);
    }

    @Test
    void silenceForTheTimeoutPlusTheExpiryEndsTheSessionOnce() {
        answered();
        timers.fire(IdleWatch.MEDIA_TIMEOUT);
        timers.fire(IdleWatch.SESSION_EXPIRY);
        assertEquals(1, expired);
        assertEquals(1, timeouts.size());
        assertNull(timers.pending(), "an expired session keeps no timer");
    }

    @Test
    void aPacketAfterTheTimeoutCancelsTheExpiry() {
        IdleWatch w = answered();
        timers.fire(IdleWatch.MEDIA_TIMEOUT);
        timers.advance(Duration.ofSeconds(119));
        packet(w);
        assertEquals(IdleWatch.MEDIA_TIMEOUT, timers.pending().name());
        assertEquals(MEDIA, timers.pending().delay());
        timers.fire(IdleWatch.MEDIA_TIMEOUT);
        assertEquals(0, expired);
        assertEquals(2, timeouts.size(), "the new silence is a new idle period");
    }

    @Test
    void holdUsesTheHoldTimeoutAndResumingReturnsToTheMediaTimeout() {
        IdleWatch w = answered();
        timers.advance(Duration.ofSeconds(30));
        w.negotiated(false); // re-INVITE to a=inactive
        assertEquals(IdleWatch.HOLD_TIMEOUT, timers.pending().name());
        assertEquals(HOLD, timers.pending().delay());
        timers.advance(Duration.ofSeconds(1800));
        w.negotiated(true); // resumed: the media timeout counts from the resume, not from the last packet
        assertEquals(IdleWatch.MEDIA_TIMEOUT, timers.pending().name());
        assertEquals(MEDIA, timers.pending().delay());
        assertTrue(timeouts.isEmpty());
    }

    @Test
    void silenceOnHoldIsReportedAfterTheHoldTimeout() {
        IdleWatch w = answered();
        w.negotiated(false);
        timers.fire(IdleWatch.HOLD_TIMEOUT);
        assertEquals(List.of(HOLD), timeouts);
        timers.fire(IdleWatch.SESSION_EXPIRY);
        assertEquals(1, expired);
    }

    @Test
    void aReInviteThatKeepsMediaFlowingDoesNotRestartTheSilence() {
        IdleWatch w = answered();
        timers.advance(Duration.ofSeconds(40));
        w.negotiated(true); // a session refresh (RFC 4028) is signalling, not media
        assertEquals(MEDIA, timers.pending().delay(), "still the timer armed at the answer");
        timers.fire(IdleWatch.MEDIA_TIMEOUT);
        assertEquals(List.of(MEDIA), timeouts);
    }

    @Test
    void zeroExpiryNeverEndsTheSession() {
        IdleWatch w = watch(Duration.ZERO);
        assertNull(timers.pending(), "nothing to watch before the answer");
        w.negotiated(true);
        timers.fire(IdleWatch.MEDIA_TIMEOUT);
        assertEquals(1, timeouts.size());
        assertNull(timers.pending());
        timers.advance(Duration.ofSeconds(10));
        packet(w);
        assertEquals(IdleWatch.MEDIA_TIMEOUT, timers.pending().name(), "a packet re-arms the timeout");
    }

    @Test
    void anEndedWatchReportsNothing() {
        IdleWatch w = answered();
        Runnable pending = timers.pending().task();
        w.end();
        assertNull(timers.pending());
        timers.advance(Duration.ofHours(2));
        pending.run();
        assertTrue(timeouts.isEmpty());
        assertEquals(0, expired);
    }

    @Test
    void anOfferCanShortenTheTimeout() {
        IdleWatch w = answered();
        timers.advance(Duration.ofSeconds(3));
        w.mediaTimeout(Duration.ofSeconds(5));
        assertEquals(Duration.ofSeconds(2), timers.pending().delay());
        timers.fire(IdleWatch.MEDIA_TIMEOUT);
        assertEquals(List.of(Duration.ofSeconds(5)), timeouts);
    }

    @Test
    void aPerCallTimeoutLongerThanTheHoldTimeoutIsKeptOnHold() {
        IdleWatch w = answered();
        w.mediaTimeout(Duration.ofHours(2));
        w.negotiated(false);
        assertEquals(Duration.ofHours(2), timers.pending().delay());
    }
}
