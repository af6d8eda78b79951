package io.sipplatform.testkit.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.stub.AbstractStub;
import io.grpc.stub.MetadataUtils;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import jakarta.enterprise.inject.spi.CDI;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * OpenTelemetry across the edge and a service: one gRPC call of the service carrying the edge's W3C
 * {@code traceparent} in its metadata must be served in a server span of the edge's trace whose parent is the edge's
 * span; the same call without the header starts a trace in the service, with no parent outside it. Calls go through
 * a plain, uninstrumented gRPC channel, so only the header can link the two.
 *
 * <p>A service's test extends this as a {@code @QuarkusTest} with a {@link TracingProfile}; with this jar on the
 * test class path, {@link InMemorySpans} is the app's exporter (the services' test config switches OTLP off).
 */
public abstract class TraceContinuationContract {
    /** The edge's trace and span, as the edge would send them. */
    public static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    public static final String EDGE_SPAN_ID = "00f067aa0ba902b7";
    private static final Metadata.Key<String> TRACEPARENT =
            Metadata.Key.of("traceparent", Metadata.ASCII_STRING_MARSHALLER);
    private static final long EXPORT_WAIT_SECONDS = 10;

    private ManagedChannel channel;

    /** The config key of the port gRPC is served on, as set by the test's {@link TracingProfile}. */
    protected String portKey() {
        return TracingProfile.GRPC_SERVER_PORT;
    }

    /** The full method name of the call made, e.g. {@code sipplatform.routing.v1.Routing/Decide}. */
    protected abstract String method();

    /** Makes the call with the given stub decoration (it attaches the headers of the case, if any). */
    protected abstract void call(ManagedChannel channel, StubDecoration decorate);

    /** Applied to the stub before the call. */
    public interface StubDecoration {
        <S extends AbstractStub<S>> S apply(S stub);
    }

    @BeforeEach
    void connect() {
        spans().reset();
        int port = ConfigProvider.getConfig().getValue(portKey(), Integer.class);
        channel = ManagedChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
    }

    /** The app's exporter ({@link InMemorySpans}). */
    private static InMemorySpanExporter spans() {
        return CDI.current().select(InMemorySpanExporter.class).get();
    }

    @AfterEach
    void disconnect() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    @Test
    void callCarryingTheEdgesTraceparentIsAServerSpanOfTheEdgesTrace() throws InterruptedException {
        Metadata headers = new Metadata();
        headers.put(TRACEPARENT, "00-" + TRACE_ID + "-" + EDGE_SPAN_ID + "-01");
        call(channel, new StubDecoration() {
            @Override
            public <S extends AbstractStub<S>> S apply(S stub) {
                return stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers))
                        .withDeadlineAfter(10, TimeUnit.SECONDS);
            }
        });

        SpanData server = serverSpan();
        assertEquals(TRACE_ID, server.getTraceId());
        assertEquals(EDGE_SPAN_ID, server.getParentSpanId());
        assertTrue(server.getParentSpanContext().isRemote());
    }

    @Test
    void callWithoutTraceparentStartsATraceOfItsOwn() throws InterruptedException {
        call(channel, new StubDecoration() {
            @Override
            public <S extends AbstractStub<S>> S apply(S stub) {
                return stub.withDeadlineAfter(10, TimeUnit.SECONDS);
            }
        });

        SpanData server = serverSpan();
        assertNotEquals(TRACE_ID, server.getTraceId());
        // Where gRPC shares the HTTP server, the HTTP request's span is the gRPC span's parent: still no span of
        // this trace has a parent outside the process.
        assertTrue(spans().getFinishedSpanItems().stream().filter(s -> s.getTraceId().equals(server.getTraceId()))
                .noneMatch(s -> s.getParentSpanContext().isRemote()));
    }

    /** The server span of the call, once the batch span processor exported it. */
    private SpanData serverSpan() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(EXPORT_WAIT_SECONDS);
        while (System.nanoTime() < deadline) {
            for (SpanData span : spans().getFinishedSpanItems()) {
                if (span.getKind() == SpanKind.SERVER && span.getName().equals(method())) {
                    return span;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no server span " + method() + " exported within " + EXPORT_WAIT_SECONDS
                + " s; spans: " + spans().getFinishedSpanItems());
    }

    /** A free TCP port on this host, for the test profile's gRPC port. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
