package io.sipplatform.routing.app;

import io.grpc.ManagedChannel;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.sipplatform.proto.common.v1.Transport;
import io.sipplatform.proto.routing.v1.RoutingGrpc;
import io.sipplatform.testkit.trace.TraceContinuationContract;
import io.sipplatform.testkit.trace.TracingProfile;
import java.util.List;

/** OpenTelemetry: a Decide carrying the edge's traceparent is a server span of the edge's trace. */
@QuarkusTest
@TestProfile(TraceContinuationTest.Tracing.class)
@WithTestResource(EmbeddedFileDatabase.class)
class TraceContinuationTest extends TraceContinuationContract {
    /** The OTel SDK on, a fixed port for the plain channel. */
    public static class Tracing extends TracingProfile {
        public Tracing() {
            super(GRPC_SERVER_PORT);
        }
    }

    @Override
    protected String method() {
        return "sipplatform.routing.v1.Routing/Decide";
    }

    // An unknown source: the decision is a reject, an answer like any other for tracing.
    @Override
    protected void call(ManagedChannel channel, StubDecoration decorate) {
        decorate.apply(RoutingGrpc.newBlockingStub(channel)).decide(RoutingAppContract.invite("198.51.100.77",
                Transport.TRANSPORT_UDP, "sip:+4930123@sip.example", "sip:+4930555@pbx", List.of()));
    }
}
