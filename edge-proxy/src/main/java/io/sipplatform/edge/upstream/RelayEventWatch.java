package io.sipplatform.edge.upstream;

import io.sipplatform.edge.proxy.CallEvents;
import io.sipplatform.edge.teardown.RelayEvent;
import io.sipplatform.edge.time.Timers;
import io.grpc.Channel;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.sipplatform.proto.media.v1.MediaRelayGrpc;
import io.sipplatform.proto.media.v1.StreamStats;
import io.sipplatform.proto.media.v1.WatchEventsRequest;
import io.sipplatform.proto.media.v1.WatchEventsResponse;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * One replica's subscription to one relay's event stream ({@code WatchEvents}, a server stream without deadline:
 * the channel's keepalive finds a dead connection), in the subscriber group every edge replica shares so each event
 * reaches one of them. A stream that fails or ends is opened again after a backoff that doubles from
 * {@code minBackoff} to {@code maxBackoff} and starts over once a stream stayed up for {@code maxBackoff}; the relay
 * does not replay events missed meanwhile (its session expiry ends those calls' media, cdr-service's orphan sweep
 * their CDRs). Events become {@link RelayEvent}s here, at the protobuf boundary. Thread-safe; nothing blocks.
 */
public final class RelayEventWatch {
    private static final Logger LOG = Logger.getLogger(RelayEventWatch.class);

    /** The group every edge replica subscribes in (media_relay.proto: each event goes to one member). */
    public static final String GROUP = "edge";

    /** Opens a relay's event stream; callbacks may come on any thread; the result cancels the stream. */
    public interface Source {
        Runnable watch(WatchEventsRequest request, Consumer<WatchEventsResponse> onEvent,
                       Consumer<Throwable> onFailure, Runnable onEnd);

        /**
         * The stream over a channel (without deadline or tracing interceptors: it lives for hours). Cancelling it
         * cancels the call, and nothing is reported after that.
         */
        static Source over(Channel channel) {
            MediaRelayGrpc.MediaRelayStub stub = MediaRelayGrpc.newStub(channel);
            return (request, onEvent, onFailure, onEnd) -> {
                AtomicBoolean cancelled = new AtomicBoolean();
                AtomicReference<ClientCallStreamObserver<WatchEventsRequest>> call = new AtomicReference<>();
                stub.watchEvents(request, new ClientResponseObserver<WatchEventsRequest, WatchEventsResponse>() {
                    @Override
                    public void beforeStart(ClientCallStreamObserver<WatchEventsRequest> requestStream) {
                        call.set(requestStream);
                    }

                    @Override
                    public void onNext(WatchEventsResponse event) {
                        onEvent.accept(event);
                    }

                    @Override
                    public void onError(Throwable failure) {
                        if (!cancelled.get()) {
                            onFailure.accept(failure);
                        }
                    }

                    @Override
                    public void onCompleted() {
                        if (!cancelled.get()) {
                            onEnd.run();
                        }
                    }
                });
                return () -> {
                    cancelled.set(true);
                    ClientCallStreamObserver<WatchEventsRequest> c = call.get();
                    if (c != null) {
                        c.cancel("edge replica stops watching", null);
                    }
                };
            };
        }
    }

    private final String relayId;
    private final Source source;
    private final WatchEventsRequest request;
    private final Timers timers;
    private final LongSupplier nanoTime;
    private final Duration minBackoff;
    private final Duration maxBackoff;
    private final Consumer<RelayEvent> sink;
    private final AtomicLong reconnects = new AtomicLong();
    private Runnable stream;
    private boolean open;
    private Timers.Timer retry;
    private Duration backoff;
    private long openedAt;
    private long generation;
    private boolean stopped;

    /**
     * @param relayId      the edge's id of the relay (events carry it, the delete goes there)
     * @param subscriberId this replica's id, for the relay's logs
     * @param timers       schedules the reconnect (timer name {@code watch-reconnect})
     * @param sink         takes every event; must not block
     */
    public RelayEventWatch(String relayId, Source source, String subscriberId, Timers timers, LongSupplier nanoTime,
                           Duration minBackoff, Duration maxBackoff, Consumer<RelayEvent> sink) {
        this.relayId = relayId;
        this.source = source;
        this.request = WatchEventsRequest.newBuilder().setSubscriberId(subscriberId).setGroup(GROUP).build();
        this.timers = timers;
        this.nanoTime = nanoTime;
        this.minBackoff = minBackoff;
        this.maxBackoff = maxBackoff.compareTo(minBackoff) < 0 ? minBackoff : maxBackoff;
        this.backoff = minBackoff;
        this.sink = sink;
    }

    /** Opens the stream. */
    public synchronized void start() {
        if (stopped || open) {
            return;
        }
        long mine = ++generation;
        open = true;
        openedAt = nanoTime.getAsLong();
        Runnable opened = source.watch(request, e -> sink.accept(event(relayId, e)),
                failure -> closed(mine, failure), () -> closed(mine, null));
        if (open && generation == mine) {
            stream = opened;
        } // else it failed at once (same thread): the reconnect is scheduled already
    }

    /** Closes the stream for good (shutdown). */
    public synchronized void stop() {
        stopped = true;
        open = false;
        if (retry != null) {
            retry.cancel();
        }
        if (stream != null) {
            stream.run();
            stream = null;
        }
    }

    /** Streams opened again after a failure or end. */
    public long reconnects() {
        return reconnects.get();
    }

    /** The delay before the next reconnect (for tests and logs). */
    public synchronized Duration backoff() {
        return backoff;
    }

    private synchronized void closed(long which, Throwable failure) {
        if (which != generation || stopped) {
            return; // a stream replaced or stopped already
        }
        open = false;
        stream = null;
        if (nanoTime.getAsLong() - openedAt >= maxBackoff.toNanos()) {
            backoff = minBackoff; // it was up a good while: the relay restarted, not a failing loop
        }
        Duration wait = backoff;
        Duration doubled = backoff.multipliedBy(2);
        backoff = doubled.compareTo(maxBackoff) > 0 ? maxBackoff : doubled;
        LOG.warnf("event stream of media relay %s %s; opening it again in %s", relayId,
                failure == null ? "ended" : "failed: " + failure, wait);
        retry = timers.schedule("watch-reconnect", wait, () -> {
            reconnects.incrementAndGet();
            start();
        });
    }

    /** The protobuf event as the edge needs it. */
    static RelayEvent event(String relayId, WatchEventsResponse e) {
        RelayEvent.Kind kind = switch (e.getEventCase()) {
            case MEDIA_TIMEOUT -> RelayEvent.Kind.MEDIA_TIMEOUT;
            case SESSION_EXPIRED -> RelayEvent.Kind.SESSION_EXPIRED;
            default -> RelayEvent.Kind.OTHER;
        };
        Instant at = e.hasOccurredAt() ? Instant.ofEpochSecond(e.getOccurredAt().getSeconds(),
                e.getOccurredAt().getNanos()) : Instant.now();
        List<StreamStats> stats = e.hasSessionExpired() ? e.getSessionExpired().getStatsList() : List.of();
        return new RelayEvent(relayId, kind, e.getCallId(), e.getTeardown().toByteArray(), at,
                callerTag -> streams(stats, callerTag));
    }

    private static List<CallEvents.MediaStream> streams(List<StreamStats> stats, String callerTag) {
        return ProtoMapping.mediaStreams(stats, callerTag);
    }
}
