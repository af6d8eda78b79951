package io.sipplatform.edge.telemetry;

import org.awaitility.Awaitility;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.stub.ServerCalls;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.sipplatform.edge.proxy.Admission;
import io.sipplatform.edge.proxy.CallEvents;
import io.sipplatform.edge.proxy.EdgeIdentity;
import io.sipplatform.edge.proxy.ProxyCore;
import io.sipplatform.edge.proxy.RouteToken;
import io.sipplatform.edge.time.ManualTimers;
import io.sipplatform.edge.transaction.TransactionLayer;
import io.sipplatform.edge.transaction.TransactionSettings;
import io.sipplatform.edge.transport.Destination;
import io.sipplatform.edge.transport.Inbound;
import io.sipplatform.edge.transport.SipSender;
import io.sipplatform.edge.transport.Transport;
import io.sipplatform.edge.upstream.GrpcToSip;
import io.sipplatform.edge.upstream.GrpcUpstream;
import io.sipplatform.proto.common.v1.SipOutcome;
import io.sipplatform.proto.media.v1.MutinyMediaRelayGrpc;
import io.sipplatform.proto.registrar.v1.MutinyRegistrarGrpc;
import io.sipplatform.proto.routing.v1.DecideRequest;
import io.sipplatform.proto.routing.v1.DecideResponse;
import io.sipplatform.proto.routing.v1.MutinyRoutingGrpc;
import io.sipplatform.proto.routing.v1.Reject;
import io.sipplatform.proto.routing.v1.RoutingGrpc;
import io.sipplatform.sip.message.DatagramFramer;
import io.sipplatform.sip.message.Framed;
import io.sipplatform.sip.message.SipMessage;
import io.sipplatform.sip.message.SipResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A SIP server transaction's span and the trace context that reaches a real gRPC routing service on 127.0.0.1: the
 * service reads {@code traceparent} in a server interceptor and must see the edge span's trace, with the hop's
 * CLIENT span as parent.
 */
class CallTracingTest {
    static final InetSocketAddress PBX = new InetSocketAddress("192.0.2.10", 5060);
    static final InetSocketAddress EDGE = new InetSocketAddress("203.0.113.5", 5060);
    static final Metadata.Key<String> TRACEPARENT = Metadata.Key.of("traceparent", Metadata.ASCII_STRING_MARSHALLER);

    final InMemorySpanExporter spans = InMemorySpanExporter.create();
    final OpenTelemetry otel = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
            .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
            .build();
    final BlockingQueue<String> traceparents = new LinkedBlockingQueue<>();
    final BlockingQueue<SipResponse> toPbx = new LinkedBlockingQueue<>();
    final ExecutorService shard = Executors.newSingleThreadExecutor();
    Server server;
    ManagedChannel channel;

    /**
     * routing-service stand-in that rejects every call with 403; a bare service definition rather than a
     * RoutingImplBase subclass, which Quarkus would pick up as a second Routing service in the @QuarkusTest runs.
     */
    static ServerServiceDefinition rejectingRouting() {
        return ServerServiceDefinition.builder(RoutingGrpc.SERVICE_NAME)
                .addMethod(RoutingGrpc.getDecideMethod(), ServerCalls.asyncUnaryCall(
                        (DecideRequest request, StreamObserver<DecideResponse> response) -> {
                            response.onNext(DecideResponse.newBuilder().setDecisionId("d1").setReject(Reject
                                    .newBuilder().setOutcome(SipOutcome.newBuilder().setCode(403)
                                            .setReason("Forbidden"))).build());
                            response.onCompleted();
                        }))
                .build();
    }

    final ServerInterceptor recordTraceparent = new ServerInterceptor() {
        @Override
        public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                                                           ServerCallHandler<Q, R> next) {
            String tp = headers.get(TRACEPARENT);
            traceparents.add(tp == null ? "none" : tp);
            return next.startCall(call, headers);
        }
    };

    @AfterEach
    void stop() throws Exception {
        shard.shutdownNow();
        if (channel != null) {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
        if (server != null) {
            server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    TransactionLayer edge(OpenTelemetry telemetry) throws Exception {
        server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                .addService(ServerInterceptors.intercept(rejectingRouting(), recordTraceparent)).build().start();
        channel = NettyChannelBuilder.forAddress("127.0.0.1", server.getPort()).usePlaintext().build();
        Optional<CallTracing> tracing = CallTracing.of(telemetry);
        MutinyRoutingGrpc.MutinyRoutingStub routing = MutinyRoutingGrpc.newMutinyStub(channel);
        if (tracing.isPresent()) {
            routing = routing.withInterceptors(new GrpcHopTracing(tracing.get()));
        }
        GrpcUpstream grpc = new GrpcUpstream(routing, MutinyRegistrarGrpc.newMutinyStub(channel),
                MutinyMediaRelayGrpc.newMutinyStub(channel), Duration.ofSeconds(5), new GrpcToSip(Duration.ofSeconds(5)),
                "e1");
        SipSender sender = (Destination d, byte[] bytes, java.util.function.Consumer<Throwable> onFailure) -> {
            if (((Framed.Message) new DatagramFramer().frame(bytes)).message() instanceof SipResponse r) {
                toPbx.add(r);
            }
        };
        ManualTimers timers = new ManualTimers();
        ProxyCore core = new ProxyCore(new EdgeIdentity("e1", Map.of(Transport.UDP,
                new EdgeIdentity.HostPort("203.0.113.5", 5060)), Set.of("sip.example.net")),
                new RouteToken(List.of("test-secret-0123456789abcdef".getBytes(StandardCharsets.UTF_8))),
                tracing.isPresent() ? new TracedUpstream(grpc, tracing.get()) : grpc,
                (uri, preferred) -> { throw new AssertionError("a rejected call resolves no next hop"); },
                sender, timers, shard, ProxyCore.ProxySettings.DEFAULTS, new Admission(100), CallEvents.NONE,
                InstantSource.fixed(Instant.parse("2026-11-21T12:00:00Z")));
        TransactionLayer layer = new TransactionLayer(TransactionSettings.DEFAULTS, timers, sender,
                tracing.isPresent() ? new TracingUser(core, tracing.get()) : core);
        core.attach(layer);
        return layer;
    }

    void invite(TransactionLayer layer, String callId) {
        SipMessage m = ((Framed.Message) new DatagramFramer().frame("""
                INVITE sip:030123456@sip.example.net SIP/2.0
                Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bKtrace1
                Max-Forwards: 70
                From: <sip:100@sip.example.net>;tag=pbx
                To: <sip:030123456@sip.example.net>
                Call-ID: %s
                CSeq: 1 INVITE
                Content-Length: 0

                """.formatted(callId).replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8))).message();
        shard.execute(() -> layer.onRequest(new Inbound(m, Transport.UDP, PBX, EDGE, null, System.nanoTime())));
    }

    SipResponse finalResponse() throws InterruptedException {
        while (true) {
            SipResponse r = toPbx.poll(10, TimeUnit.SECONDS);
            assertNotNull(r, "a final response reaches the caller");
            if (r.statusCode() >= 200) {
                return r;
            }
        }
    }

    @Test
    void theRoutingServiceSeesTheTraceOfTheInviteSpan() throws Exception {
        TransactionLayer layer = edge(otel);
        invite(layer, "trace-call-1@192.0.2.10");
        assertEquals(403, finalResponse().statusCode());

        String traceparent = traceparents.poll(5, TimeUnit.SECONDS);
        assertNotNull(traceparent);
        String[] parts = traceparent.split("-"); // version-traceid-parentid-flags (W3C Trace Context §3.2)
        assertEquals(4, parts.length, traceparent);

        SpanData invite = spanNamed("SIP INVITE");
        assertEquals(SpanKind.SERVER, invite.getKind());
        assertEquals("trace-call-1@192.0.2.10", invite.getAttributes().get(CallTracing.CALL_ID));
        assertEquals("INVITE", invite.getAttributes().get(CallTracing.METHOD));
        assertEquals(403L, invite.getAttributes().get(CallTracing.STATUS));
        assertEquals(invite.getTraceId(), parts[1], "one trace from the SIP transaction to routing-service");
        assertEquals(CallTracing.traceIdOf("trace-call-1@192.0.2.10"), invite.getTraceId(),
                "the trace id follows from the Call-ID, so every replica puts the call's transactions in it");

        SpanData hop = spanNamed("sipplatform.routing.v1.Routing/Decide");
        assertEquals(SpanKind.CLIENT, hop.getKind());
        assertEquals(invite.getSpanId(), hop.getParentSpanId(), "the gRPC hop is a child of the SIP transaction");
        assertEquals(hop.getSpanId(), parts[2], "routing-service's parent is the hop span");
    }

    @Test
    void withTheSdkDisabledNothingIsWrappedAndNoContextIsSent() throws Exception {
        assertTrue(CallTracing.of(OpenTelemetry.noop()).isEmpty());
        TransactionLayer layer = edge(OpenTelemetry.noop());
        invite(layer, "trace-call-2@192.0.2.10");
        assertEquals(403, finalResponse().statusCode());
        assertEquals("none", traceparents.poll(5, TimeUnit.SECONDS));
    }

    SpanData spanNamed(String name) {
        // the hop span ends on a gRPC thread, after the response went out
        return Awaitility.await("span " + name).atMost(Duration.ofSeconds(5)).until(
                () -> spans.getFinishedSpanItems().stream().filter(s -> s.getName().equals(name)).findFirst(),
                Optional::isPresent).orElseThrow();
    }
}
