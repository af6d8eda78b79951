package io.sipplatform.edge.teardown;

import io.sipplatform.edge.proxy.CallEvents;
import io.sipplatform.edge.proxy.EdgeIdentity;
import io.sipplatform.edge.proxy.NextHops;
import io.sipplatform.edge.proxy.RecordedSide;
import io.sipplatform.edge.proxy.TeardownContext;
import io.sipplatform.edge.proxy.Upstream;
import io.sipplatform.edge.transaction.ClientListener;
import io.sipplatform.edge.transaction.ClientTransaction;
import io.sipplatform.edge.transaction.TransactionLayer;
import io.sipplatform.edge.transport.Destination;
import io.sipplatform.sip.SipParseException;
import io.sipplatform.sip.header.CSeq;
import io.sipplatform.sip.header.NameAddr;
import io.sipplatform.sip.message.SipMessageBuilder;
import io.sipplatform.sip.message.SipMethod;
import io.sipplatform.sip.message.SipRequest;
import io.sipplatform.sip.message.SipResponse;
import io.sipplatform.sip.uri.SipUri;
import io.sipplatform.sip.uri.Uri;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Ends one answered call whose media stopped, from its teardown context alone: a BYE to each party as the other
 * party would send it (RFC 3261 §12.2.1.1), the CDR end (cause MEDIA_TIMEOUT, hang-up side PLATFORM, the same
 * sequence number as a BYE's end, so whichever comes first counts and a copy from another replica or a late real
 * BYE is a duplicate), the relay session's delete with its statistics for the CDR, and the concurrent-call lease
 * back to routing. Each BYE runs in a non-INVITE client transaction of the shard that owns the Call-ID (UDP
 * retransmissions by Timer E; its responses are absorbed and counted, never forwarded); towards a connection
 * another replica owns it goes through the hand-off sender. Thread-safe: the SIP work hops to the call's shard.
 *
 * <p>{@code Reason: SIP;cause=408;text="Media Timeout"} (RFC 3326) says why: the platform stopped waiting for media
 * from a party. Q.850 has no cause for lost media (102 "recovery on timer expiry" names a signalling timer, 41
 * "temporary failure" a network fault), and carriers map Q.850 causes into their own release causes and CDR
 * dispositions; a SIP cause carries the fact without claiming a PSTN release reason.
 */
public final class CallTeardown {
    /** The Reason header value of every BYE the edge sends for a media timeout. */
    public static final String REASON = "SIP;cause=408;text=\"Media Timeout\"";

    private final EdgeIdentity me;
    private final NextHops nextHops;
    private final Upstream upstream;
    private final CallEvents events;
    private final BiConsumer<String, Consumer<TransactionLayer>> onShard;
    private final TeardownStats stats;
    private final AtomicLong counter = new AtomicLong();
    private final String salt = HexFormat.of().formatHex(new SecureRandom().generateSeed(3));

    /**
     * @param me       this replica (its advertised addresses go into Via, its id into the branch, so a response
     *                 reaching another replica is handed back here)
     * @param nextHops RFC 3263 resolution of a party without a recorded address
     * @param upstream the relay (delete) and routing (lease release)
     * @param events   the CDR events
     * @param onShard  runs a task on the shard that owns a Call-ID, with its transaction layer
     */
    public CallTeardown(EdgeIdentity me, NextHops nextHops, Upstream upstream, CallEvents events,
                        BiConsumer<String, Consumer<TransactionLayer>> onShard, TeardownStats stats) {
        this.me = me;
        this.nextHops = nextHops;
        this.upstream = upstream;
        this.events = events;
        this.onShard = onShard;
        this.stats = stats;
    }

    /** The counters of the BYEs this sends. */
    public TeardownStats stats() {
        return stats;
    }

    /** Ends the call of a verified, confirmed context on the event that says its media stopped. */
    public void end(TeardownContext c, RelayEvent event) {
        String callerTag = c.caller().tag();
        String calleeTag = c.callee().tag();
        bye(c, true);
        bye(c, false);
        events.report(new CallEvents.End(c.callId(), event.at(), 200, "OK", CallEvents.Side.PLATFORM,
                CallEvents.Cause.MEDIA_TIMEOUT));
        if (c.leaseId() != null) {
            upstream.releaseLease(c.leaseId(), c.callId());
        }
        if (event.kind() == RelayEvent.Kind.SESSION_EXPIRED) {
            mediaStats(c.callId(), event, event.streams().apply(callerTag)); // the relay released it already
        } else {
            upstream.deleteMedia(new Upstream.MediaLeg(event.relay(), c.callId(), callerTag, calleeTag))
                    .whenComplete((streams, failure) -> mediaStats(c.callId(), event, failure == null ? streams
                            : List.of()));
        }
    }

    /** Reports the final statistics of a session the relay ended itself (a copy of an earlier report is a no-op). */
    void mediaStats(String callId, RelayEvent event, List<CallEvents.MediaStream> streams) {
        if (streams != null && !streams.isEmpty()) {
            events.report(new CallEvents.MediaStats(callId, event.at(), streams));
        }
    }

    /** A BYE to one party (RFC 3261 §12.2.1.1), written as the other party would send it. */
    private void bye(TeardownContext c, boolean toCaller) {
        TeardownContext.Party to = toCaller ? c.caller() : c.callee();
        TeardownContext.Party as = toCaller ? c.callee() : c.caller();
        String requestUri = to.target();
        List<String> routes = new ArrayList<>(to.routeSet());
        Uri firstHop;
        try {
            firstHop = Uri.parse(requestUri);
            if (!routes.isEmpty()) {
                NameAddr first = NameAddr.parseNameAddr(routes.get(0));
                firstHop = first.uri();
                if (!(first.uri() instanceof SipUri s && s.lr())) {
                    // a strict router first: its URI is the Request-URI, the remote target the last Route
                    requestUri = first.uri().toString();
                    routes.remove(0);
                    routes.add("<" + to.target() + ">");
                }
            }
        } catch (SipParseException | IllegalArgumentException | NullPointerException e) {
            stats.onBye(TeardownStats.Bye.UNROUTABLE);
            return;
        }
        Destination recorded = RecordedSide.parse(to.reach());
        CompletionStage<Destination> where = recorded != null ? CompletableFuture.completedFuture(recorded)
                : nextHops.resolve(firstHop, null);
        String uri = requestUri;
        where.whenComplete((dest, failure) -> onShard.accept(c.callId(), layer -> {
            if (failure != null || dest == null) {
                stats.onBye(TeardownStats.Bye.UNROUTABLE);
                return;
            }
            try {
                layer.sendRequest(request(c, to, as, uri, routes, dest), dest, new Outcome());
            } catch (RuntimeException e) {
                stats.onBye(TeardownStats.Bye.UNROUTABLE); // a target or header the message cannot carry
            }
        }));
    }

    private SipRequest request(TeardownContext c, TeardownContext.Party to, TeardownContext.Party as,
                               String requestUri, List<String> routes, Destination dest) {
        EdgeIdentity.HostPort hp = me.pointFor(dest.transport());
        String host = hp.host().indexOf(':') >= 0 && !hp.host().startsWith("[") ? "[" + hp.host() + "]" : hp.host();
        SipMessageBuilder b = SipMessageBuilder.request(SipMethod.BYE, requestUri)
                .addHeader("Via", "SIP/2.0/" + dest.transport().viaToken() + " " + host + ":" + hp.port()
                        + ";branch=z9hG4bK-" + me.replicaId() + "-mt" + Long.toString(counter.incrementAndGet(), 36)
                        + salt + ";rport")
                .addHeader("Max-Forwards", "70");
        for (String r : routes) {
            b.addHeader("Route", r);
        }
        return (SipRequest) b.addHeader("From", as.address())
                .addHeader("To", to.address())
                .addHeader("Call-ID", c.callId())
                .addHeader("CSeq", cseq(as.cseq()) + " BYE")
                .addHeader("Reason", REASON)
                .build();
    }

    /**
     * The BYE's CSeq: one above the latest the impersonated party sent (RFC 3261 §12.2.1.1); 1 when it sent none
     * (the receiver then takes any number, §12.2.2); when the context could not see its requests, the largest
     * number allowed (§8.1.1.5), which the receiver accepts whatever that party sent before.
     */
    static long cseq(long latest) {
        if (latest == TeardownContext.CSEQ_NONE) {
            return 1;
        }
        if (latest < 0 || latest >= CSeq.MAX_NUMBER) {
            return CSeq.MAX_NUMBER;
        }
        return latest + 1;
    }

    /** Counts what became of one BYE; the response goes nowhere else. */
    private final class Outcome implements ClientListener {
        @Override
        public void onProvisional(ClientTransaction transaction, SipResponse response) {
        }

        @Override
        public void onFinal(ClientTransaction transaction, SipResponse response) {
            stats.onBye(response.statusCode() < 300 ? TeardownStats.Bye.ANSWERED : TeardownStats.Bye.REJECTED);
        }

        @Override
        public void onAdditionalSuccess(ClientTransaction transaction, SipResponse response) {
        }

        @Override
        public void onTimeout(ClientTransaction transaction) {
            stats.onBye(TeardownStats.Bye.TIMEOUT);
        }

        @Override
        public void onTransportError(ClientTransaction transaction, Throwable cause) {
            stats.onBye(TeardownStats.Bye.TRANSPORT_ERROR);
        }
    }
}
