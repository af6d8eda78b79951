package io.sipplatform.media.session;

import io.netty.channel.EventLoop;
import io.sipplatform.media.relay.MediaEvent;
import io.sipplatform.media.relay.MediaStream;
import io.sipplatform.media.relay.RelayObserver;
import io.sipplatform.media.relay.SideStats;
import io.sipplatform.media.relay.Teardown;
import io.sipplatform.media.relay.Timers;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * One Call-ID's media: party A (who sent the first offer), its answerer branches by To tag, and one
 * {@link MediaStream} per anchored m= line. Structure changes under the {@link Sessions} lock; packet activity is
 * a volatile timestamp.
 */
final class Session implements MediaStream.Context {
    /** What the latest offer of one m= line said about rtcp-mux, kept for its answer. */
    record MuxOffer(boolean offererMux, RtcpMuxMode mode) {
        static final MuxOffer NONE = new MuxOffer(false, RtcpMuxMode.PRESERVE);
    }

    private final String callId;
    private final String tagA;
    private final Instant createdAt;
    private final InstantSource clock;
    private final RelayObserver observer;
    private final Consumer<MediaEvent> events;
    private final Timers timers;
    private final List<MediaStream> streams = new CopyOnWriteArrayList<>();
    private final Set<String> branchTags = new LinkedHashSet<>();
    private final Map<Integer, MuxOffer> muxOffers = new HashMap<>();
    private final OriginVersions origins = new OriginVersions();
    private final EventLoop eventLoop;
    private volatile Teardown teardown = Teardown.NONE;
    private volatile long lastActivityMillis;
    private long reportedIdleSince = -1;
    private Duration mediaTimeout;
    private Timers.Timer timeoutTimer;
    private boolean ended;

    Session(String callId, String tagA, InstantSource clock, RelayObserver observer, Consumer<MediaEvent> events,
            Timers timers, Duration mediaTimeout, EventLoop eventLoop) {
        this.eventLoop = eventLoop;
        this.callId = callId;
        this.tagA = tagA;
        this.clock = clock;
        this.observer = observer;
        this.events = events;
        this.timers = timers;
        this.createdAt = clock.instant();
        this.lastActivityMillis = clock.millis();
        this.mediaTimeout = mediaTimeout;
    }

    @Override
    public String callId() {
        return callId;
    }

    @Override
    public InstantSource clock() {
        return clock;
    }

    @Override
    public RelayObserver observer() {
        return observer;
    }

    @Override
    public void onActivity(long millis) {
        if (millis != lastActivityMillis) { // one volatile write per millisecond, not per packet
            lastActivityMillis = millis;
        }
    }

    @Override
    public void emit(MediaEvent event) {
        events.accept(event);
    }

    /** The event loop all sockets of this session live on. */
    EventLoop eventLoop() {
        return eventLoop;
    }

    String tagA() {
        return tagA;
    }

    Instant createdAt() {
        return createdAt;
    }

    Set<String> branchTags() {
        return branchTags;
    }

    /** The o= sequences of this session's directions. */
    OriginVersions origins() {
        return origins;
    }

    /** Keeps the edge's latest non-empty teardown context; an empty one (e.g. a re-INVITE without) changes nothing. */
    void keepTeardown(Teardown context) {
        if (!context.isEmpty()) {
            teardown = context;
        }
    }

    /** The edge's latest teardown context, or {@link Teardown#NONE}. */
    Teardown teardown() {
        return teardown;
    }

    void offered(int index, MuxOffer offer) {
        muxOffers.put(index, offer);
    }

    /** What the latest offer of m= line {@code index} said about rtcp-mux; no mux when none was seen. */
    MuxOffer offered(int index) {
        return muxOffers.getOrDefault(index, MuxOffer.NONE);
    }

    /** The stream of m= line {@code index}, or null when it is not anchored. */
    MediaStream stream(int index) {
        return index < streams.size() ? streams.get(index) : null;
    }

    void putStream(MediaStream stream) {
        while (streams.size() <= stream.index()) {
            streams.add(null);
        }
        streams.set(stream.index(), stream);
    }

    List<MediaStream> streams() {
        return streams.stream().filter(s -> s != null).toList();
    }

    List<SideStats> snapshot() {
        List<SideStats> out = new ArrayList<>();
        for (MediaStream s : streams()) {
            out.addAll(s.snapshot());
        }
        return out;
    }

    synchronized void startTimeout(Duration timeout) {
        if (timeout != null) {
            mediaTimeout = timeout;
        }
        if (timeoutTimer != null) {
            timeoutTimer.cancel();
        }
        if (!ended) {
            timeoutTimer = timers.schedule("media-timeout", mediaTimeout, this::checkIdle);
        }
    }

    // Fires once per idle period: packets after a timeout re-arm the report.
    private synchronized void checkIdle() {
        if (ended) {
            return;
        }
        long last = lastActivityMillis;
        long idle = clock.millis() - last;
        long timeout = mediaTimeout.toMillis();
        if (idle >= timeout) {
            if (reportedIdleSince != last) {
                reportedIdleSince = last;
                observer.timedOut();
                int index = streams().isEmpty() ? 0 : streams().get(0).index();
                events.accept(new MediaEvent.MediaTimeout(callId, tagA, index, clock.instant(),
                        Duration.ofMillis(idle), teardown));
            }
            timeoutTimer = timers.schedule("media-timeout", mediaTimeout, this::checkIdle);
        } else {
            timeoutTimer = timers.schedule("media-timeout", Duration.ofMillis(timeout - idle), this::checkIdle);
        }
    }

    synchronized void end() {
        ended = true;
        if (timeoutTimer != null) {
            timeoutTimer.cancel();
        }
    }
}
