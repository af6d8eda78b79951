package io.sipplatform.edge.telemetry;

import io.opentelemetry.context.Scope;
import io.sipplatform.edge.proxy.CallEvents;
import io.sipplatform.edge.proxy.Decision;
import io.sipplatform.edge.proxy.Upstream;
import io.sipplatform.edge.transport.Inbound;
import io.sipplatform.sip.message.SipRequest;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Makes the call's trace context current around each upstream call, so the gRPC call it starts (Mutiny stubs
 * start the call on subscription, i.e. inside this scope) is a child of the SIP transaction even when the proxy
 * core makes it from a continuation on another thread (media offer/answer, lease release).
 */
public final class TracedUpstream implements Upstream {
    private final Upstream next;
    private final CallTracing tracing;

    public TracedUpstream(Upstream next, CallTracing tracing) {
        this.next = next;
        this.tracing = tracing;
    }

    @Override
    public CompletionStage<Decision> decide(SipRequest request, Inbound source) {
        try (Scope ignored = tracing.contextOf(request.callId()).makeCurrent()) {
            return next.decide(request, source);
        }
    }

    @Override
    public void releaseLease(String leaseId, String callId) {
        try (Scope ignored = tracing.contextOf(callId).makeCurrent()) {
            next.releaseLease(leaseId, callId);
        }
    }

    @Override
    public String newSessionRelay() {
        return next.newSessionRelay();
    }

    @Override
    public CompletionStage<Media> offer(MediaLeg leg, byte[] sdp, Inbound source, byte[] teardown) {
        try (Scope ignored = tracing.contextOf(leg.callId()).makeCurrent()) {
            return next.offer(leg, sdp, source, teardown);
        }
    }

    @Override
    public CompletionStage<Media> answer(MediaLeg leg, byte[] sdp, Inbound source, byte[] teardown) {
        try (Scope ignored = tracing.contextOf(leg.callId()).makeCurrent()) {
            return next.answer(leg, sdp, source, teardown);
        }
    }

    @Override
    public CompletionStage<List<CallEvents.MediaStream>> deleteMedia(MediaLeg leg) {
        try (Scope ignored = tracing.contextOf(leg.callId()).makeCurrent()) {
            return next.deleteMedia(leg);
        }
    }

    @Override
    public CompletionStage<LocalAnswer> register(SipRequest request, Inbound source) {
        try (Scope ignored = tracing.contextOf(request.callId()).makeCurrent()) {
            return next.register(request, source);
        }
    }
}
