package io.sipplatform.edge.telemetry;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.sipplatform.edge.transaction.ServerTransaction;
import io.sipplatform.edge.transaction.TerminationCause;
import io.sipplatform.sip.message.SipRequest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Spans of SIP server transactions and the trace context of each call. The trace id of a call is the first 16
 * bytes of SHA-256(Call-ID) and its (never exported) root span id the next 8: every transaction of the call on
 * every edge replica, and every gRPC hop made for it, joins one trace without any shared state. Call-IDs are
 * globally unique (RFC 3261 §8.1.1.4), so trace ids stay unique. Thread-safe.
 */
public final class CallTracing {
    static final AttributeKey<String> CALL_ID = AttributeKey.stringKey("sip.call_id");
    static final AttributeKey<String> METHOD = AttributeKey.stringKey("sip.method");
    static final AttributeKey<Long> STATUS = AttributeKey.longKey("sip.status_code");
    static final AttributeKey<String> TRANSPORT = AttributeKey.stringKey("sip.transport");
    static final AttributeKey<String> PEER = AttributeKey.stringKey("network.peer.address");
    static final AttributeKey<String> END = AttributeKey.stringKey("sip.transaction.end");

    private final Tracer tracer;
    private final TextMapPropagator propagator;
    /** Context of the open server-transaction span per Call-ID (the latest one when several are open). */
    private final Map<String, Context> open = new ConcurrentHashMap<>();

    CallTracing(OpenTelemetry otel) {
        this.tracer = otel.getTracer("io.sipplatform.edge");
        this.propagator = otel.getPropagators().getTextMapPropagator();
    }

    /**
     * Tracing over this OpenTelemetry, or empty when its SDK is disabled (a no-op tracer makes invalid spans): then
     * nothing is wrapped and tracing costs nothing.
     */
    public static Optional<CallTracing> of(OpenTelemetry otel) {
        Span probe = otel.getTracer("io.sipplatform.edge").spanBuilder("probe").setNoParent().startSpan();
        return probe.getSpanContext().isValid() ? Optional.of(new CallTracing(otel)) : Optional.empty();
    }

    Tracer tracer() {
        return tracer;
    }

    TextMapPropagator propagator() {
        return propagator;
    }

    /** Starts the SERVER span of a server transaction, child of its call's root. */
    Span start(ServerTransaction tx) {
        SipRequest r = tx.request();
        String callId = r.callId();
        Span span = tracer.spanBuilder("SIP " + r.method().name()).setSpanKind(SpanKind.SERVER)
                .setParent(callRoot(callId))
                .setAttribute(CALL_ID, callId)
                .setAttribute(METHOD, r.method().name())
                .setAttribute(TRANSPORT, tx.source().transport().name())
                .setAttribute(PEER, String.valueOf(tx.source().remote()))
                .startSpan();
        open.put(callId, callRoot(callId).with(span));
        return span;
    }

    /** Ends a transaction's span with the final status it sent; only a 5xx marks the span as an error. */
    void finish(ServerTransaction tx, Span span, int status) {
        span.setAttribute(STATUS, (long) status);
        if (status >= 500 && status < 600) {
            span.setStatus(StatusCode.ERROR); // the edge or a service failed; 4xx/6xx are outcomes, not faults
        }
        close(tx, span);
    }

    /** Ends a transaction's span that ended without a final response (e.g. it could not be sent). */
    void abandon(ServerTransaction tx, Span span, TerminationCause cause) {
        span.setAttribute(END, cause.name());
        span.setStatus(StatusCode.ERROR, "no final response");
        close(tx, span);
    }

    private void close(ServerTransaction tx, Span span) {
        span.end();
        String callId = tx.request().callId();
        open.computeIfPresent(callId, (k, ctx) -> Span.fromContext(ctx) == span ? null : ctx);
    }

    /**
     * The context to make current for work done for a call: its open transaction span, else the call's root (e.g.
     * a CDR event sent after the transaction ended), so every hop lands in the call's trace.
     */
    public Context contextOf(String callId) {
        if (callId == null) {
            return Context.root();
        }
        Context c = open.get(callId);
        return c != null ? c : callRoot(callId);
    }

    /** The call's root context: a remote, sampled parent whose ids are derived from the Call-ID. */
    static Context callRoot(String callId) {
        byte[] h = sha256(callId);
        HexFormat hex = HexFormat.of();
        SpanContext root = SpanContext.createFromRemoteParent(hex.formatHex(h, 0, 16), hex.formatHex(h, 16, 24),
                TraceFlags.getSampled(), TraceState.getDefault());
        return Context.root().with(Span.wrap(root));
    }

    /** The trace id every span of this call carries. */
    public static String traceIdOf(String callId) {
        return HexFormat.of().formatHex(sha256(callId), 0, 16);
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }

    /** Calls currently holding an open transaction span (for tests and a gauge). */
    public int openCalls() {
        return open.size();
    }
}
