package io.sipplatform.cdr.app;

import io.grpc.ManagedChannel;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.sipplatform.cdr.fixture.Traffic;
import io.sipplatform.cdr.grpc.ProtoEvents;
import io.sipplatform.proto.cdr.v1.CdrIngestGrpc;
import io.sipplatform.proto.cdr.v1.PublishRequest;
import io.sipplatform.testkit.trace.TraceContinuationContract;
import io.sipplatform.testkit.trace.TracingProfile;
import java.util.concurrent.atomic.AtomicInteger;

/** OpenTelemetry: a Publish carrying the edge's traceparent is a server span of the edge's trace. */
@QuarkusTest
@TestProfile(TraceContinuationTest.Tracing.class)
@WithTestResource(EmbeddedFileDatabase.class)
class TraceContinuationTest extends TraceContinuationContract {
    private static final AtomicInteger CALLS = new AtomicInteger();

    /** The OTel SDK on, a fixed port for the plain channel. */
    public static class Tracing extends TracingProfile {
        public Tracing() {
            super(GRPC_SERVER_PORT);
        }
    }

    @Override
    protected String method() {
        return "sipplatform.cdr.v1.CdrIngest/Publish";
    }

    // The attempt of a new call each time, stored and committed before the answer.
    @Override
    protected void call(ManagedChannel channel, StubDecoration decorate) {
        decorate.apply(CdrIngestGrpc.newBlockingStub(channel)).publish(PublishRequest.newBuilder()
                .setEvent(ProtoEvents.toWire(Traffic.call("trace-" + CALLS.incrementAndGet(), "edge-1", "cust-1",
                        "carrier-a", Traffic.HOUR, -1, -1, 500, 503).get(0))).build());
    }
}
