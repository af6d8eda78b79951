package io.sipplatform.media.session;

import io.sipplatform.media.relay.MediaEvent;
import io.sipplatform.media.relay.MediaStream;
import io.sipplatform.media.relay.PartySide;
import io.sipplatform.media.relay.PortPool;
import io.sipplatform.media.relay.RelayEndpoint;
import io.sipplatform.media.relay.RelayObserver;
import io.sipplatform.media.relay.SideStats;
import io.sipplatform.media.relay.Timers;
import io.sipplatform.sip.sdp.MediaDescription;
import io.sipplatform.sip.sdp.SessionDescription;
import io.netty.channel.EventLoop;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The relay's sessions by Call-ID, and the offer/answer/delete verbs on them. Offer and Answer complete
 * asynchronously (sockets bind without blocking the calling event loop); structure changes hold this object's lock
 * briefly and never across I/O.
 */
public final class Sessions {
    /** Binding retries per pair when a port of the range is held by another program. */
    static final int BIND_ATTEMPTS = 8;

    /** Final statistics of what Delete removed. */
    public record Deleted(boolean found, List<SideStats> streams) {
    }

    /** A session's state for Query. */
    public record View(Instant createdAt, List<SideStats> streams) {
    }

    private enum Role { A, BRANCH }

    private final Vertx vertx;
    private final PortPool ports;
    private final String bindAddress;
    private final String advertisedAddress;
    private final IdleWatch.Limits limits;
    private final InstantSource clock;
    private final Timers timers;
    private final RelayObserver observer;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final List<Consumer<MediaEvent>> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean draining;

    /**
     * @param mediaTimeout  silence that raises a media timeout, unless an Offer sets its own
     * @param holdTimeout   the same while the call is on hold
     * @param sessionExpiry silence after the timeout until the relay deletes the session itself; zero never does
     */
    public Sessions(Vertx vertx, PortPool ports, String bindAddress, String advertisedAddress, Duration mediaTimeout,
                    Duration holdTimeout, Duration sessionExpiry, InstantSource clock, Timers timers,
                    RelayObserver observer) {
        this.vertx = vertx;
        this.ports = ports;
        this.bindAddress = bindAddress;
        this.advertisedAddress = advertisedAddress;
        this.limits = new IdleWatch.Limits(mediaTimeout, holdTimeout, sessionExpiry);
        this.clock = clock;
        this.timers = timers;
        this.observer = observer;
    }

    /**
     * Anchors an offer from party {@code fromTag}: a new session (initial INVITE), or an update from A or from an
     * answerer with the tags swapped (re-INVITE). Fails with {@link PortsExhausted} or {@link Draining}.
     */
    public Future<Anchored> offer(SdpCommand c) {
        SessionDescription sdp = SdpRewrite.filterCodecs(c.sdp(), c.policy().codecAllow());
        if (SdpRewrite.hasEnabledStream(c.sdp()) && !SdpRewrite.hasEnabledStream(sdp)) {
            return Future.succeededFuture(new Anchored.Rejected(488, "No acceptable codec"));
        }
        Session session;
        Role role;
        List<Integer> newIndexes = new ArrayList<>();
        List<Integer> allocated;
        boolean created = false;
        synchronized (this) {
            session = sessions.get(c.callId());
            if (session == null) {
                if (draining) {
                    return Future.failedFuture(new Draining());
                }
                // every socket of a session on one event loop: relaying never crosses threads
                IdleWatch.Limits own = c.policy().mediaTimeout() == null ? limits
                        : new IdleWatch.Limits(c.policy().mediaTimeout(), limits.hold(), limits.expiry());
                session = new Session(c.callId(), c.fromTag(), clock, observer, this::publish, timers, own,
                        this::expire, vertx.nettyEventLoopGroup().next());
                created = true;
                role = Role.A;
            } else if (session.tagA().equals(c.fromTag())) {
                role = Role.A;
            } else if (session.branchTags().contains(c.fromTag())) {
                role = Role.BRANCH;
            } else {
                return Future.succeededFuture(new Anchored.Rejected(481, "Call Leg/Transaction Does Not Exist"));
            }
            for (int i = 0; i < sdp.media().size(); i++) {
                if (!sdp.media().get(i).isDisabled() && session.stream(i) == null) {
                    newIndexes.add(i);
                }
            }
            allocated = ports.allocate(2 * newIndexes.size());
            if (allocated == null) {
                return Future.failedFuture(new PortsExhausted(2 * newIndexes.size()));
            }
            if (created) {
                sessions.put(c.callId(), session);
            }
        }
        Session s = session;
        boolean isNew = created;
        List<Future<RelayEndpoint>> binds = new ArrayList<>();
        for (int port : allocated) {
            binds.add(bind(s.eventLoop(), port, BIND_ATTEMPTS));
        }
        return Future.join(new ArrayList<>(binds)).transform(done -> {
            if (done.failed()) {
                for (Future<RelayEndpoint> f : binds) {
                    if (f.succeeded()) {
                        close(f.result());
                    }
                }
                if (isNew) {
                    remove(s);
                }
                return Future.failedFuture(done.cause() instanceof PortsExhausted ? done.cause()
                        : new PortsExhausted(allocated.size()));
            }
            synchronized (this) {
                if (sessions.get(c.callId()) != s) { // deleted while the sockets were binding
                    binds.forEach(f -> close(f.result()));
                    return Future.succeededFuture(new Anchored.Rejected(481, "Call Leg/Transaction Does Not Exist"));
                }
                for (int k = 0; k < newIndexes.size(); k++) {
                    int index = newIndexes.get(k);
                    if (s.stream(index) != null) { // a concurrent offer anchored this m= line first
                        close(binds.get(2 * k).result());
                        close(binds.get(2 * k + 1).result());
                        continue;
                    }
                    MediaDescription m = sdp.media().get(index);
                    s.putStream(new MediaStream(index, m.type(), new PartySide(s.tagA(), index, m.type()),
                            binds.get(2 * k).result(), binds.get(2 * k + 1).result(), advertisedAddress, s));
                }
                if (!isNew && c.policy().mediaTimeout() != null) {
                    s.mediaTimeout(c.policy().mediaTimeout());
                }
                return Future.succeededFuture(apply(s, sdp, c, role == Role.A ? null : c.fromTag(), role != Role.A,
                        true));
            }
        });
    }

    /**
     * Anchors an answer: from answerer {@code toTag} to A's offer (one branch per To tag, forking), or from A to an
     * answerer's re-offer (tags swapped).
     */
    public Future<Anchored> answer(SdpCommand c) {
        SessionDescription sdp = SdpRewrite.filterCodecs(c.sdp(), c.policy().codecAllow());
        if (SdpRewrite.hasEnabledStream(c.sdp()) && !SdpRewrite.hasEnabledStream(sdp)) {
            return Future.succeededFuture(new Anchored.Rejected(488, "No acceptable codec"));
        }
        synchronized (this) {
            Session s = sessions.get(c.callId());
            if (s != null && s.tagA().equals(c.fromTag()) && !c.toTag().isEmpty()) {
                s.branchTags().add(c.toTag());
                // the answer goes to A: it carries the ports A sends to
                return Future.succeededFuture(apply(s, sdp, c, c.toTag(), true, false));
            }
            if (s != null && s.branchTags().contains(c.fromTag()) && s.tagA().equals(c.toTag())) {
                return Future.succeededFuture(apply(s, sdp, c, null, false, false));
            }
            return Future.succeededFuture(new Anchored.Rejected(481, "Call Leg/Transaction Does Not Exist"));
        }
    }

    // Records what the SDP's sender signalled (senderBranch null: party A) and rewrites it with the ports of the
    // endpoint facing its receiver (towardA: the receiver is A). An answer also settles rtcp-mux for the offerer.
    private Anchored apply(Session s, SessionDescription sdp, SdpCommand c, String senderBranch, boolean towardA,
                           boolean offer) {
        Map<Integer, SdpRewrite.Anchor> anchors = new HashMap<>();
        List<Anchored.Allocation> allocations = new ArrayList<>();
        for (int i = 0; i < sdp.media().size(); i++) {
            MediaDescription m = sdp.media().get(i);
            MediaStream stream = s.stream(i);
            if (m.isDisabled() || stream == null) {
                allocations.add(new Anchored.Allocation(i, m.type(), advertisedAddress, 0, 0));
                continue;
            }
            PartySide side = senderBranch == null ? stream.partyA() : stream.branch(senderBranch);
            SdpRewrite.Signalled sig = SdpRewrite.signalled(sdp, i);
            if (!c.policy().latchSignalledOnly() && !c.signallingSource().isEmpty()) {
                sig = sig.behindNat(c.signallingSource());
            }
            // RFC 5761 §5.1.3: an offerer muxes from its offer on; the answer decides for good (RFC 8035).
            stream.rtpTransport(m.isRtp());
            if (side.signal(sig.rtp(), sig.rtcp(), sig.rtcpMux(), sig.formats(), c.policy().latchSignalledOnly())) {
                stream.relatch(side);
            }
            boolean mux;
            if (offer) {
                mux = c.policy().rtcpMux().offerToReceiver(sig.rtcpMux());
                s.offered(i, new Session.MuxOffer(sig.rtcpMux(), c.policy().rtcpMux()));
            } else {
                Session.MuxOffer offered = s.offered(i);
                mux = offered.mode().answerToOfferer(offered.offererMux(), sig.rtcpMux());
                PartySide offerer = towardA ? stream.partyA() : stream.existingBranch(c.fromTag());
                if (offerer != null) {
                    offerer.settleRtcpMux(mux);
                }
            }
            int port = (towardA ? stream.endpointA() : stream.endpointB()).port();
            // an offer with mux names the odd port for an answerer that declines it (RFC 5761 §5.1.3)
            int rtcpPort = mux && !offer ? port : port + 1;
            anchors.put(i, new SdpRewrite.Anchor(port, rtcpPort, mux));
            allocations.add(new Anchored.Allocation(i, m.type(), advertisedAddress, port, rtcpPort));
        }
        if (senderBranch != null) {
            s.branchTags().add(senderBranch);
        }
        s.keepTeardown(c.teardown());
        if (offer) {
            s.offeredSdp(sdp);
        } else {
            s.answeredSdp(sdp); // the first answer starts the silence watch; hold switches its timeout
        }
        SessionDescription out = SdpRewrite.rewrite(sdp, advertisedAddress, anchors, c.policy().stripIce());
        String direction = (senderBranch == null ? "A" : "branch " + senderBranch) + (towardA ? " to A" : " to B");
        out = out.withOrigin(
                s.origins().next(direction, sdp.origin(), SdpRewrite.withoutOrigin(out), advertisedAddress));
        return new Anchored.Rewritten(out, allocations);
    }

    /**
     * Deletes: every session of the Call-ID (empty {@code fromTag}), a whole session (empty {@code toTag}), or one
     * answerer branch, which ends the session when it was the last. Idempotent.
     */
    public Deleted delete(String callId, String fromTag, String toTag) {
        synchronized (this) {
            Session s = sessions.get(callId);
            if (s == null) {
                return new Deleted(false, List.of());
            }
            String branch = null;
            if (!fromTag.isEmpty() && !toTag.isEmpty()) {
                if (s.tagA().equals(fromTag) && s.branchTags().contains(toTag)) {
                    branch = toTag;
                } else if (s.tagA().equals(toTag) && s.branchTags().contains(fromTag)) {
                    branch = fromTag;
                } else if (!s.tagA().equals(fromTag) && !s.tagA().equals(toTag)) {
                    return new Deleted(false, List.of());
                }
            } else if (!fromTag.isEmpty() && !s.tagA().equals(fromTag) && !s.branchTags().contains(fromTag)) {
                return new Deleted(false, List.of());
            }
            if (branch != null && s.branchTags().size() > 1) {
                s.branchTags().remove(branch);
                List<SideStats> out = new ArrayList<>();
                for (MediaStream stream : s.streams()) {
                    PartySide side = stream.removeBranch(branch);
                    if (side != null) {
                        out.add(stream.snapshot(side));
                    }
                }
                return new Deleted(true, out);
            }
            List<SideStats> out = s.snapshot();
            remove(s);
            return new Deleted(true, out);
        }
    }

    // The silence watch's verdict: nobody deleted a silent session. Ends it as Delete would and tells the
    // subscribers, with the final statistics and the edge's teardown context, so that the call can still be ended.
    private void expire(Session s) {
        List<SideStats> stats;
        synchronized (this) {
            if (sessions.get(s.callId()) != s) { // deleted meanwhile
                return;
            }
            stats = s.snapshot();
            remove(s);
        }
        observer.expired();
        publish(new MediaEvent.SessionExpired(s.callId(), s.tagA(), s.firstStreamIndex(), clock.instant(), stats,
                s.teardown()));
    }

    /** The session of {@code callId}, if any. */
    public Optional<View> query(String callId) {
        Session s = sessions.get(callId);
        return s == null ? Optional.empty() : Optional.of(new View(s.createdAt(), s.snapshot()));
    }

    /** Subscribes to media events of every session; returns the unsubscribe action. */
    public Runnable subscribe(Consumer<MediaEvent> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Stops taking new sessions; after {@code maxDrain} the remaining ones are deleted. */
    public void drain(Duration maxDrain) {
        if (draining) {
            return;
        }
        draining = true;
        timers.schedule("max-drain", maxDrain, () -> {
            for (String callId : List.copyOf(sessions.keySet())) {
                delete(callId, "", "");
            }
        });
    }

    /** True while draining. */
    public boolean draining() {
        return draining;
    }

    /** Sessions held. */
    public int size() {
        return sessions.size();
    }

    /** The port range. */
    public PortPool ports() {
        return ports;
    }

    /** Deletes every session (shutdown). */
    public void deleteAll() {
        for (String callId : List.copyOf(sessions.keySet())) {
            delete(callId, "", "");
        }
    }

    private synchronized void remove(Session s) {
        sessions.remove(s.callId(), s);
        s.end();
        for (MediaStream stream : s.streams()) {
            close(stream.endpointA());
            close(stream.endpointB());
        }
    }

    // The pair goes back to the pool only once its sockets are closed, so a reuse never races the close.
    private void close(RelayEndpoint endpoint) {
        endpoint.close().onComplete(done -> ports.release(endpoint.port()));
    }

    private Future<RelayEndpoint> bind(EventLoop loop, int port, int attemptsLeft) {
        return RelayEndpoint.bind(vertx, loop, bindAddress, port).recover(e -> {
            ports.release(port);
            List<Integer> next = attemptsLeft > 1 ? ports.allocate(1) : null;
            if (next == null) {
                return Future.failedFuture(new PortsExhausted(1));
            }
            return bind(loop, next.get(0), attemptsLeft - 1);
        });
    }

    private void publish(MediaEvent event) {
        for (Consumer<MediaEvent> listener : listeners) {
            listener.accept(event);
        }
    }

    /** The relay address written into SDP. */
    public String advertisedAddress() {
        return advertisedAddress;
    }
}
