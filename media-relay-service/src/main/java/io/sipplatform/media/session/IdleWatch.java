package io.sipplatform.media.session;

import io.sipplatform.media.relay.Timers;

import java.time.Duration;
import java.time.InstantSource;

/**
 * Watches one session for silence. After the first answer, no RTP from either party for the media timeout (the hold
 * timeout while no negotiated stream carries media both ways) reports one timeout per idle period; still no RTP
 * and no Delete for the expiry after that ends the session. A packet re-arms the watch and cancels a pending expiry.
 * Before the answer nothing is reported (a call that rings is the edge's INVITE timer's business), but a session that
 * is never answered nor deleted expires after the hold timeout plus the expiry, so that its ports are not lost.
 *
 * <p>One timer at a time, named {@code unanswered}, {@code media-timeout}, {@code hold-timeout} or
 * {@code session-expiry}. The packet path writes a volatile timestamp once per millisecond at most, and takes the
 * lock once after a timeout.
 */
final class IdleWatch {
    /** What the watch reports; called without the watch's lock held. */
    interface Listener {
        /** No RTP for {@code idle}, at least the timeout in force. */
        void timedOut(Duration idle);

        /** No RTP and no Delete for the timeout plus the expiry: the session is to be ended. */
        void expired();
    }

    /**
     * The relay's limits.
     *
     * @param media  silence that raises a media timeout while media should flow both ways
     * @param hold   silence that raises it while the call is on hold (no stream sendrecv with an address)
     * @param expiry silence after the timeout until the relay ends the session itself; zero never does
     */
    record Limits(Duration media, Duration hold, Duration expiry) {
        Limits {
            if (media.isNegative() || media.isZero() || hold.isNegative() || hold.isZero() || expiry.isNegative()) {
                throw new IllegalArgumentException("timeouts must be positive and the expiry not negative");
            }
        }
    }

    static final String UNANSWERED = "unanswered";
    static final String MEDIA_TIMEOUT = "media-timeout";
    static final String HOLD_TIMEOUT = "hold-timeout";
    static final String SESSION_EXPIRY = "session-expiry";

    private final InstantSource clock;
    private final Timers timers;
    private final Listener listener;
    private final Duration holdTimeout;
    private final Duration expiry;
    private volatile long lastActivityMillis;
    private volatile boolean timedOut;
    private Duration mediaTimeout;
    private boolean answered;
    private boolean onHold;
    private boolean ended;
    private long sinceMillis; // start of the current regime: first answer, or entering or leaving hold
    private long reportedIdleSince = -1;
    private Timers.Timer timer;

    IdleWatch(InstantSource clock, Timers timers, Limits limits, Listener listener) {
        this.clock = clock;
        this.timers = timers;
        this.listener = listener;
        this.mediaTimeout = limits.media();
        this.holdTimeout = limits.hold();
        this.expiry = limits.expiry();
        this.lastActivityMillis = clock.millis();
    }

    /** Starts watching a new session: the unanswered timer. */
    void start() {
        check();
    }

    /** An RTP packet arrived at {@code millis}; the packet path, so one volatile write per millisecond at most. */
    void activity(long millis) {
        if (millis != lastActivityMillis) {
            lastActivityMillis = millis;
            if (timedOut) { // the first packet after a timeout: cancel the expiry, count the timeout afresh
                check();
            }
        }
    }

    /**
     * Changes the media timeout (an Offer's own value), counted from the same last packet. A timeout that is already
     * over is reported by the timer, not here: the caller holds the Sessions lock.
     */
    synchronized void mediaTimeout(Duration timeout) {
        mediaTimeout = timeout;
        if (answered && !timedOut && !ended) {
            cancel();
            long idle = clock.millis() - Math.max(lastActivityMillis, sinceMillis);
            scheduleTimeout(Math.max(0, timeout().toMillis() - idle));
        }
    }

    /**
     * An answer settled the SDP; {@code twoWay} is whether some stream carries media both ways. The first answer
     * starts the watch; entering or leaving hold starts the new timeout from now (so nothing is reported here). Any
     * other re-negotiation (a session refresh, a codec change) does not count as media.
     */
    void negotiated(boolean twoWay) {
        synchronized (this) {
            if (ended || answered && onHold == !twoWay) {
                return;
            }
            answered = true;
            onHold = !twoWay;
            sinceMillis = clock.millis();
            timedOut = false;
        }
        check();
    }

    /** Stops the watch (Delete, expiry); nothing is reported after it. */
    synchronized void end() {
        ended = true;
        cancel();
    }

    // Unanswered counts like hold: no media both ways negotiated yet. A per-call media timeout longer than the hold
    // timeout is not shortened by going on hold.
    private Duration timeout() {
        return (onHold || !answered) && holdTimeout.compareTo(mediaTimeout) > 0 ? holdTimeout : mediaTimeout;
    }

    // Decides under the lock, reports after releasing it: the listener takes other locks (Sessions).
    private void check() {
        Duration report = null;
        boolean expire = false;
        synchronized (this) {
            cancel();
            if (ended) {
                return;
            }
            timedOut = true; // before reading the activity: a packet that misses this write is read below
            long since = Math.max(lastActivityMillis, sinceMillis);
            long idle = clock.millis() - since;
            long timeout = timeout().toMillis();
            if (idle < timeout) {
                timedOut = false;
                if (answered || !expiry.isZero()) {
                    scheduleTimeout(timeout - idle);
                }
                return;
            }
            if (answered && reportedIdleSince != since) { // once per idle period, never before the answer
                reportedIdleSince = since;
                report = Duration.ofMillis(idle);
            }
            if (!expiry.isZero()) {
                long left = timeout + expiry.toMillis() - idle;
                if (left <= 0) {
                    expire = true;
                    ended = true;
                } else {
                    timer = timers.schedule(SESSION_EXPIRY, Duration.ofMillis(left), this::check);
                }
            }
        }
        if (report != null) {
            listener.timedOut(report);
        }
        if (expire) {
            listener.expired();
        }
    }

    private void scheduleTimeout(long millis) {
        String name = !answered ? UNANSWERED : onHold ? HOLD_TIMEOUT : MEDIA_TIMEOUT;
        timer = timers.schedule(name, Duration.ofMillis(millis), this::check);
    }

    private void cancel() {
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }
}
