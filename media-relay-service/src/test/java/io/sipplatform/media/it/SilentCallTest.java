package io.sipplatform.media.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.sipplatform.media.relay.MediaEvent;
import io.sipplatform.media.relay.PortPool;
import io.sipplatform.media.relay.RelayObserver;
import io.sipplatform.media.relay.SideStats;
import io.sipplatform.media.relay.StepTimers;
import io.sipplatform.media.relay.Teardown;
import io.sipplatform.media.session.Anchored;
import io.sipplatform.media.session.MediaPolicy;
import io.sipplatform.media.session.SdpCommand;
import io.sipplatform.media.session.Sessions;
import io.sipplatform.sip.sdp.SessionDescription;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * What the relay does with a call that goes silent: one Sessions on its own Vert.x, real UDP on 127.0.0.1, and the
 * timers fired by name on a test clock (media-timeout 60 s, hold-timeout 3600 s, session-expiry 120 s).
 */
class SilentCallTest {
    private static final int WAIT_MS = 2000;
    private static final Teardown TEARDOWN = Teardown.of("dialog:caller+callee".getBytes(StandardCharsets.UTF_8));

    private final StepTimers timers = new StepTimers();
    private final BlockingQueue<MediaEvent> events = new LinkedBlockingQueue<>();
    private final Vertx vertx = Vertx.vertx();
    private final PortPool ports = new PortPool(31600, 31615, Duration.ofHours(1), timers);
    private final Sessions sessions = new Sessions(vertx, ports, "127.0.0.1", "127.0.0.1", Duration.ofSeconds(60),
            Duration.ofSeconds(3600), Duration.ofSeconds(120), timers, timers, RelayObserver.NONE);
    private final List<UdpPeer> peers = new ArrayList<>();

    {
        sessions.subscribe(events::add);
    }

    @AfterEach
    void close() throws Exception {
        sessions.deleteAll();
        peers.forEach(UdpPeer::close);
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** Caller A and callee B on 127.0.0.1, anchored through the relay. */
    private final class Call {
        final String callId = "silent-" + System.nanoTime();
        final UdpPeer aRtp = peer();
        final UdpPeer bRtp = peer();
        int relayForA;
        int relayForB;

        ByteString a() {
            return Sdp.audio(aRtp.port(), aRtp.port() + 1);
        }

        ByteString b() {
            return Sdp.audio(bRtp.port(), bRtp.port() + 1);
        }

        Call offered() throws Exception {
            relayForB = port(offer("", a()));
            return this;
        }

        Call established() throws Exception {
            offered();
            relayForA = port(answer(b(), TEARDOWN));
            return this;
        }

        Anchored offer(String toTag, ByteString sdp) throws Exception {
            return anchored(sessions.offer(command("a-tag", toTag, sdp, Teardown.NONE)));
        }

        Anchored answer(ByteString sdp, Teardown teardown) throws Exception {
            return anchored(sessions.answer(command("a-tag", "b-tag", sdp, teardown)));
        }

        /** RTP from A, received by B through the relay: the relay has seen it once B has it. */
        void mediaFromA(int seq) {
            aRtp.send(UdpPeer.rtp(0, seq, 160L * seq, 0xA), relayForA);
            assertNotNull(bRtp.receive(WAIT_MS), "relayed to B");
        }

        private SdpCommand command(String from, String to, ByteString sdp, Teardown teardown) {
            return new SdpCommand(callId, from, to, SessionDescription.parse(sdp.toByteArray()), MediaPolicy.DEFAULT,
                    "", teardown);
        }
    }

    private UdpPeer peer() {
        UdpPeer p = new UdpPeer();
        peers.add(p);
        return p;
    }

    private static Anchored anchored(Future<Anchored> f) throws Exception {
        return f.toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    private static int port(Anchored a) {
        return ((Anchored.Rewritten) a).sdp().media().get(0).port();
    }

    private <E extends MediaEvent> E next(Class<E> kind) {
        return events.stream().filter(kind::isInstance).map(kind::cast).findFirst().orElse(null);
    }

    @Test
    void noMediaTimeoutWhileOnlyTheOfferExists() throws Exception {
        new Call().offered();
        assertEquals("unanswered", timers.pending().name());
        assertEquals(Duration.ofSeconds(3600), timers.pending().delay());
        timers.fire("unanswered");
        assertNull(next(MediaEvent.MediaTimeout.class), "ringing is the edge's INVITE timer's business");
    }

    @Test
    void aReInviteToInactiveUsesTheHoldTimeoutAndResumingTheMediaTimeout() throws Exception {
        Call call = new Call().established();
        assertEquals("media-timeout", timers.pending().name());

        call.offer("b-tag", Sdp.inactive(call.a()));
        assertEquals("media-timeout", timers.pending().name(), "the offer alone changes nothing");
        call.answer(Sdp.inactive(call.b()), Teardown.NONE);
        assertEquals("hold-timeout", timers.pending().name());
        assertEquals(Duration.ofSeconds(3600), timers.pending().delay());

        timers.advance(Duration.ofMinutes(30));
        call.offer("b-tag", call.a());
        call.answer(call.b(), Teardown.NONE);
        assertEquals("media-timeout", timers.pending().name());
        assertEquals(Duration.ofSeconds(60), timers.pending().delay(), "counted from the resume");
        timers.fire("media-timeout");
        MediaEvent.MediaTimeout timeout = next(MediaEvent.MediaTimeout.class);
        assertNotNull(timeout);
        assertEquals(Duration.ofSeconds(60), timeout.idle());
    }

    @Test
    void aSilentCallNobodyDeletesExpiresWithFinalStatsAndItsPortsAreReleased() throws Exception {
        Call call = new Call().established();
        for (int seq = 1; seq <= 3; seq++) {
            call.mediaFromA(seq);
        }
        assertEquals(2, ports.totalPairs() - ports.freePairs(), "two pairs in use");

        timers.fire("media-timeout");
        MediaEvent.MediaTimeout timeout = next(MediaEvent.MediaTimeout.class);
        assertEquals(TEARDOWN, timeout.teardown());
        assertEquals("session-expiry", timers.pending().name());
        assertEquals(Duration.ofSeconds(120), timers.pending().delay());

        timers.fire("session-expiry");
        MediaEvent.SessionExpired expired = next(MediaEvent.SessionExpired.class);
        assertNotNull(expired, "session-expired event");
        assertEquals(call.callId, expired.callId());
        assertEquals(TEARDOWN, expired.teardown());
        SideStats a = expired.stats().stream().filter(s -> s.tag().equals("a-tag")).findFirst().orElseThrow();
        assertEquals(3, a.packets());
        assertEquals(call.relayForA, a.local().port());
        assertTrue(sessions.query(call.callId).isEmpty());
        assertNull(timers.pending(), "nothing left to time");
        // the sockets close asynchronously; then both pairs rest in quarantine
        await().atMost(Duration.ofSeconds(5)).until(() -> ports.quarantinedPairs() == 2);
        assertEquals(1, events.stream().filter(MediaEvent.SessionExpired.class::isInstance).count());
    }

    @Test
    void packetsAfterTheTimeoutCancelTheExpiry() throws Exception {
        Call call = new Call().established();
        call.mediaFromA(1);
        timers.fire("media-timeout");
        assertEquals("session-expiry", timers.pending().name());

        timers.advance(Duration.ofSeconds(90));
        call.mediaFromA(2);
        assertEquals("media-timeout", timers.pending().name(), "the expiry is cancelled");
        timers.fire("media-timeout");
        assertFalse(sessions.query(call.callId).isEmpty());
        assertNull(next(MediaEvent.SessionExpired.class));
        assertEquals(2, events.stream().filter(MediaEvent.MediaTimeout.class::isInstance).count(),
                "media stopped twice: two idle periods");
        assertInstanceOf(Anchored.Rewritten.class, call.offer("b-tag", call.a()), "the session lives on");
    }
}
