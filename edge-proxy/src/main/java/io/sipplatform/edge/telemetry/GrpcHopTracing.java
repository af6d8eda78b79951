package io.sipplatform.edge.telemetry;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.ForwardingClientCallListener;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapSetter;

/**
 * A CLIENT span per gRPC call the edge makes, child of the current context (the SIP transaction or the call), with
 * its W3C trace context ({@code traceparent}) written into the call's metadata. Replaces Quarkus's own gRPC client
 * instrumentation (switched off with {@code quarkus.otel.instrument.grpc=false}), which cannot see the SIP spans.
 */
public final class GrpcHopTracing implements ClientInterceptor {
    private static final AttributeKey<String> RPC_SYSTEM = AttributeKey.stringKey("rpc.system");
    private static final AttributeKey<String> RPC_SERVICE = AttributeKey.stringKey("rpc.service");
    private static final AttributeKey<String> RPC_METHOD = AttributeKey.stringKey("rpc.method");
    private static final AttributeKey<Long> RPC_STATUS = AttributeKey.longKey("rpc.grpc.status_code");
    /** Replaces rather than adds: one traceparent per call even if another interceptor set one. */
    private static final TextMapSetter<Metadata> SETTER = (carrier, key, value) -> {
        Metadata.Key<String> k = Metadata.Key.of(key, Metadata.ASCII_STRING_MARSHALLER);
        carrier.removeAll(k);
        carrier.put(k, value);
    };

    private final CallTracing tracing;

    public GrpcHopTracing(CallTracing tracing) {
        this.tracing = tracing;
    }

    @Override
    public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
        Context parent = Context.current();
        Span span = tracing.tracer().spanBuilder(method.getFullMethodName()).setSpanKind(SpanKind.CLIENT)
                .setParent(parent)
                .setAttribute(RPC_SYSTEM, "grpc")
                .setAttribute(RPC_SERVICE, String.valueOf(method.getServiceName()))
                .setAttribute(RPC_METHOD, String.valueOf(method.getBareMethodName()))
                .startSpan();
        Context hop = parent.with(span);
        return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options)) {
            @Override
            public void start(Listener<R> listener, Metadata headers) {
                tracing.propagator().inject(hop, headers, SETTER);
                super.start(new ForwardingClientCallListener.SimpleForwardingClientCallListener<>(listener) {
                    @Override
                    public void onClose(Status status, Metadata trailers) {
                        span.setAttribute(RPC_STATUS, (long) status.getCode().value());
                        if (!status.isOk()) {
                            span.setStatus(StatusCode.ERROR, status.getCode().name());
                        }
                        span.end();
                        super.onClose(status, trailers);
                    }
                }, headers);
            }
        };
    }
}
