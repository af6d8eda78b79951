package io.sipplatform.edge.telemetry;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.sipplatform.edge.transaction.ServerTransaction;
import io.sipplatform.edge.transaction.TerminationCause;
import io.sipplatform.edge.transaction.TransactionUser;
import io.sipplatform.edge.transport.Inbound;
import io.sipplatform.sip.SipParseException;
import io.sipplatform.sip.message.SipResponse;

import java.util.HashMap;
import java.util.Map;

/**
 * Wraps the proxy core of one shard: opens a span when a server transaction reaches it, makes the span current
 * while the core handles the request (so gRPC calls made synchronously carry it), and ends it when the first final
 * response goes out. Runs on the shard's thread only, like the layer.
 */
public final class TracingUser implements TransactionUser {
    private final TransactionUser next;
    private final CallTracing tracing;
    private final Map<ServerTransaction, Span> spans = new HashMap<>();

    public TracingUser(TransactionUser next, CallTracing tracing) {
        this.next = next;
        this.tracing = tracing;
    }

    @Override
    public void onRequest(ServerTransaction transaction) {
        Span span = tracing.start(transaction);
        spans.put(transaction, span);
        try (Scope ignored = tracing.contextOf(transaction.request().callId()).makeCurrent()) {
            next.onRequest(transaction);
        }
    }

    @Override
    public void onFinalSent(ServerTransaction transaction, SipResponse response) {
        Span span = spans.remove(transaction);
        if (span != null) {
            tracing.finish(transaction, span, response.statusCode());
        }
        next.onFinalSent(transaction, response);
    }

    @Override
    public void onTerminated(ServerTransaction transaction, TerminationCause cause) {
        Span span = spans.remove(transaction);
        if (span != null) {
            tracing.abandon(transaction, span, cause);
        }
        next.onTerminated(transaction, cause);
    }

    @Override
    public void onAck(Inbound ack) {
        next.onAck(ack);
    }

    @Override
    public void onStrayResponse(Inbound response) {
        next.onStrayResponse(response);
    }

    @Override
    public void onMalformed(Inbound message, SipParseException problem) {
        next.onMalformed(message, problem);
    }

    /** Spans still open (transactions without a final response yet). */
    public int openSpans() {
        return spans.size();
    }
}
