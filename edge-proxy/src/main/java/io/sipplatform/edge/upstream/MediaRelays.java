package io.sipplatform.edge.upstream;

import io.grpc.Status;
import io.sipplatform.edge.proxy.CallEvents;
import io.sipplatform.edge.proxy.Upstream.Media;
import io.sipplatform.edge.proxy.Upstream.MediaLeg;
import io.sipplatform.edge.transport.Inbound;
import io.sipplatform.proto.media.v1.AnswerRequest;
import io.sipplatform.proto.media.v1.AnswerResponse;
import io.sipplatform.proto.media.v1.DeleteRequest;
import io.sipplatform.proto.media.v1.DeleteResponse;
import io.sipplatform.proto.media.v1.MutinyMediaRelayGrpc;
import io.sipplatform.proto.media.v1.OfferRequest;
import io.sipplatform.proto.media.v1.OfferResponse;
import io.sipplatform.proto.media.v1.RewrittenSdp;
import io.sipplatform.proto.common.v1.SipOutcome;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

/**
 * The media relays this edge anchors calls at, one gRPC client each, and the choice among them (DESIGN §5). A relay
 * session lives in one relay's memory, so only a new session (an initial offer) is placed by choice: round robin
 * over the relays not marked down. Every later operation of the call (answers, re-offers, delete) names the relay
 * that holds the session, whose id rides in the Record-Route token, so any edge replica reaches that instance. An
 * initial offer failing with UNAVAILABLE (relay down or draining) or RESOURCE_EXHAUSTED (no ports) marks the relay
 * down for a while and goes to the next relay once; the second failure is the caller's answer (503).
 * Thread-safe: stages complete on gRPC threads.
 */
public final class MediaRelays {
    /** What a relay id may contain: it rides in the route token and in configuration lists. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,32}");

    /** One relay's control API; completions may come on any thread, failures carry the gRPC status. */
    public interface Client {
        CompletionStage<OfferResponse> offer(OfferRequest request);

        CompletionStage<AnswerResponse> answer(AnswerRequest request);

        CompletionStage<DeleteResponse> delete(DeleteRequest request);

        /** A client over a Mutiny stub with a deadline per call (never blocking). */
        static Client over(MutinyMediaRelayGrpc.MutinyMediaRelayStub stub, Duration deadline) {
            return new Client() {
                @Override
                public CompletionStage<OfferResponse> offer(OfferRequest request) {
                    return stub.withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS).offer(request)
                            .subscribeAsCompletionStage();
                }

                @Override
                public CompletionStage<AnswerResponse> answer(AnswerRequest request) {
                    return stub.withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS).answer(request)
                            .subscribeAsCompletionStage();
                }

                @Override
                public CompletionStage<DeleteResponse> delete(DeleteRequest request) {
                    return stub.withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS).delete(request)
                            .subscribeAsCompletionStage();
                }
            };
        }
    }

    /**
     * One relay instance.
     *
     * @param id     the edge's name for it, written into Record-Route tokens: letters, digits, '.', '_', '-'
     * @param client its control API
     */
    public record Relay(String id, Client client) {
        public Relay {
            if (id == null || !ID.matcher(id).matches()) {
                throw new IllegalArgumentException("media relay id must be 1-32 of [A-Za-z0-9._-]: " + id);
            }
        }
    }

    private final List<Relay> relays;
    private final Duration downFor;
    private final LongSupplier nanoTime;
    private final GrpcToSip table;
    private final long[] downUntil;
    private final boolean[] down;
    private int next;
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong failovers = new AtomicLong();

    /**
     * @param relays   the instances, in configuration order (ids unique)
     * @param downFor  how long a relay that refused a new session with UNAVAILABLE / RESOURCE_EXHAUSTED is passed
     *                 over by the choice (it still serves the sessions it holds)
     * @param nanoTime monotonic clock
     * @param table    gRPC failures to SIP answers
     */
    public MediaRelays(List<Relay> relays, Duration downFor, LongSupplier nanoTime, GrpcToSip table) {
        if (relays.isEmpty()) {
            throw new IllegalArgumentException("at least one media relay");
        }
        if (relays.stream().map(Relay::id).distinct().count() != relays.size()) {
            throw new IllegalArgumentException("media relay ids must be unique: " + relays);
        }
        this.relays = List.copyOf(relays);
        this.downFor = downFor;
        this.nanoTime = nanoTime;
        this.table = table;
        this.downUntil = new long[relays.size()];
        this.down = new boolean[relays.size()];
    }

    /** The ids, in configuration order. */
    public List<String> ids() {
        return relays.stream().map(Relay::id).toList();
    }

    /**
     * Anchors an offer: a new session at a chosen relay ({@code leg.relay()} null), else at the named one; a
     * teardown context (null: none) is stored with the session.
     */
    public CompletionStage<Media> offer(MediaLeg leg, byte[] sdp, Inbound source, byte[] teardown) {
        OfferRequest request = ProtoMapping.offerRequest(leg, sdp, source, teardown);
        if (leg.relay() != null) {
            Relay r = byId(leg.relay());
            if (r == null) {
                return unknown();
            }
            return r.client().offer(request)
                    .thenApply(resp -> media(resp.hasRewritten(), resp.getRewritten(), resp.getRejected(), r))
                    .exceptionally(failure -> failed(r, failure));
        }
        List<Relay> order = order();
        return place(order, 0, request);
    }

    /** Anchors an answer at the relay named in the leg, with a teardown context (null: none). */
    public CompletionStage<Media> answer(MediaLeg leg, byte[] sdp, Inbound source, byte[] teardown) {
        Relay r = byId(leg.relay());
        if (r == null) {
            return unknown();
        }
        return r.client().answer(ProtoMapping.answerRequest(leg, sdp, source, teardown))
                .thenApply(resp -> media(resp.hasRewritten(), resp.getRewritten(), resp.getRejected(), r))
                .exceptionally(failure -> failed(r, failure));
    }

    /** Deletes at the relay named in the leg; the relay's final statistics, or none when it did not answer. */
    public CompletionStage<List<CallEvents.MediaStream>> delete(MediaLeg leg) {
        Relay r = byId(leg.relay());
        CompletableFuture<List<CallEvents.MediaStream>> out = new CompletableFuture<>();
        if (r == null) {
            failures.incrementAndGet();
            out.complete(List.of());
            return out;
        }
        r.client().delete(ProtoMapping.deleteRequest(leg)).whenComplete((resp, failure) -> {
            if (failure != null || resp == null) {
                failures.incrementAndGet(); // idle media times out at the relay on its own
                out.complete(List.of());
            } else {
                out.complete(ProtoMapping.mediaStreams(resp, leg.fromTag()));
            }
        });
        return out;
    }

    /** Relay calls that produced no answer, and deletes that went nowhere. */
    public long failures() {
        return failures.get();
    }

    /** New sessions that went to a second relay because the first refused with UNAVAILABLE / RESOURCE_EXHAUSTED. */
    public long failovers() {
        return failovers.get();
    }

    private CompletionStage<Media> place(List<Relay> order, int i, OfferRequest request) {
        Relay r = order.get(i);
        return r.client().offer(request)
                .thenApply(resp -> CompletableFuture.completedFuture(
                        media(resp.hasRewritten(), resp.getRewritten(), resp.getRejected(), r)))
                .exceptionally(failure -> {
                    Status.Code code = GrpcToSip.codeOf(failure);
                    boolean refusesNew = code == Status.Code.UNAVAILABLE || code == Status.Code.RESOURCE_EXHAUSTED;
                    if (refusesNew && i == 0 && order.size() > 1) {
                        markDown(r);
                        failures.incrementAndGet();
                        failovers.incrementAndGet();
                        return place(order, 1, request).toCompletableFuture();
                    }
                    return CompletableFuture.completedFuture(failed(r, failure));
                })
                .thenCompose(stage -> stage);
    }

    /** The relay a new session goes to when it cannot be placed by an Offer now (a late offer): the round robin's next. */
    public String pick() {
        return order().get(0).id();
    }

    /** The relays to try for a new session: round robin from the next one, relays marked down last. */
    private synchronized List<Relay> order() {
        int n = relays.size();
        int start = next;
        next = (next + 1) % n;
        long now = nanoTime.getAsLong();
        List<Relay> up = new ArrayList<>();
        List<Relay> passedOver = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            int idx = (start + k) % n;
            if (down[idx] && now - downUntil[idx] < 0) {
                passedOver.add(relays.get(idx));
            } else {
                down[idx] = false;
                up.add(relays.get(idx));
            }
        }
        up.addAll(passedOver); // all down: still try rather than refuse every call
        return up;
    }

    private synchronized void markDown(Relay r) {
        int idx = relays.indexOf(r);
        down[idx] = true;
        downUntil[idx] = nanoTime.getAsLong() + downFor.toNanos();
    }

    private Relay byId(String id) {
        String wanted = id == null ? Media.DEFAULT_RELAY : id;
        for (Relay r : relays) {
            if (r.id().equals(wanted)) {
                return r;
            }
        }
        // a token from before relay ids ("m=1") names the first relay, the only one there was
        return Media.DEFAULT_RELAY.equals(wanted) ? relays.get(0) : null;
    }

    private Media failed(Relay r, Throwable failure) {
        failures.incrementAndGet();
        Status.Code code = GrpcToSip.codeOf(failure);
        if (code == Status.Code.UNAVAILABLE) {
            markDown(r);
        }
        GrpcToSip.SipAnswer a = table.answer(code); // RESOURCE_EXHAUSTED (no ports) becomes 503
        return Media.refused(a.code(), a.reason());
    }

    private CompletionStage<Media> unknown() {
        // the relay of this call is no longer configured: its session is gone with it
        failures.incrementAndGet();
        return CompletableFuture.completedFuture(Media.refused(488, "Not Acceptable Here (media relay unknown)"));
    }

    private static Media media(boolean rewritten, RewrittenSdp sdp, SipOutcome rejected, Relay r) {
        if (rewritten) {
            return Media.rewritten(sdp.getSdp().toByteArray(), r.id());
        }
        int code = rejected.getCode();
        return Media.refused(code >= 300 && code <= 699 ? code : 500, rejected.getReason());
    }
}
