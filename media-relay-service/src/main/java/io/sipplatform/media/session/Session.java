package io.sipplatform.media.session;

import io.netty.channel.EventLoop;
import io.sipplatform.media.relay.MediaEvent;
import io.sipplatform.media.relay.MediaStream;
import io.sipplatform.media.relay.RelayObserver;
import io.sipplatform.media.relay.SideStats;
import io.sipplatform.media.relay.Teardown;
import io.sipplatform.media.relay.Timers;
import io.sipplatform.sip.sdp.SessionDescription;

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
 * {@link MediaStream} per anchored m= line, the edge's teardown context, and the {@link IdleWatch} that times its
 * silence. Structure changes under the {@link Sessions} lock; packets only touch the watch's volatile timestamp.
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
    private final List<MediaStream> streams = new CopyOnWriteArrayList<>();
    private final Set<String> branchTags = new LinkedHashSet<>();
    private final Map<Integer, MuxOffer> muxOffers = new HashMap<>();
    private final OriginVersions origins = new OriginVersions();
    private final EventLoop eventLoop;
    private final IdleWatch idle;
    private volatile Teardown teardown = Teardown.NONE;
    private Set<Integer> offeredTwoWay = Set.of(); // m= lines of the pending offer that carry media both ways

    /** {@code expired} is called once, without locks held, when the relay is to end the session itself. */
    Session(String callId, String tagA, InstantSource clock, RelayObserver observer, Consumer<MediaEvent> events,
            Timers timers, IdleWatch.Limits limits, Consumer<Session> expired, EventLoop eventLoop) {
        this.eventLoop = eventLoop;
        this.callId = callId;
        this.tagA = tagA;
        this.clock = clock;
        this.observer = observer;
        this.events = events;
        this.createdAt = clock.instant();
        this.idle = new IdleWatch(clock, timers, limits, new IdleWatch.Listener() {
            @Override
            public void timedOut(Duration idleFor) {
                observer.timedOut();
                events.accept(new MediaEvent.MediaTimeout(callId, tagA, firstStreamIndex(), clock.instant(),
                        idleFor, teardown));
            }

            @Override
            public void expired() {
                expired.accept(Session.this);
            }
        });
        idle.start();
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
        idle.activity(millis);
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

    /** An offer's own media timeout. */
    void mediaTimeout(Duration timeout) {
        idle.mediaTimeout(timeout);
    }

    /** An offer was anchored: its streams that carry media both ways wait for the answer. */
    synchronized void offeredSdp(SessionDescription offer) {
        offeredTwoWay = SdpRewrite.twoWayStreams(offer);
    }

    /**
     * An answer was anchored: the session is answered, and on hold unless some m= line carries media both ways in
     * the offer and in the answer (RFC 3264 §6.1: sendonly is answered recvonly, and so on).
     */
    void answeredSdp(SessionDescription answer) {
        Set<Integer> twoWay = SdpRewrite.twoWayStreams(answer);
        boolean media;
        synchronized (this) {
            media = offeredTwoWay.stream().anyMatch(twoWay::contains);
        }
        idle.negotiated(media);
    }

    /** Index of the first anchored m= line, for events about the whole session. */
    int firstStreamIndex() {
        List<MediaStream> anchored = streams();
        return anchored.isEmpty() ? 0 : anchored.get(0).index();
    }

    /** Stops the silence watch: nothing is reported after it. */
    void end() {
        idle.end();
    }
}
