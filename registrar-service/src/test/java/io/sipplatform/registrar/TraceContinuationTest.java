package io.sipplatform.registrar;

import io.grpc.ManagedChannel;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.sipplatform.proto.registrar.v1.LookupRequest;
import io.sipplatform.proto.registrar.v1.RegistrarGrpc;
import io.sipplatform.testkit.trace.TraceContinuationContract;
import io.sipplatform.testkit.trace.TracingProfile;

/**
 * OpenTelemetry: a Lookup carrying the edge's traceparent is a server span of the edge's trace. gRPC shares the HTTP
 * server here, so the port is the HTTP test port.
 */
@QuarkusTest
@TestProfile(TraceContinuationTest.Tracing.class)
class TraceContinuationTest extends TraceContinuationContract {
    /** The OTel SDK on, a fixed port for the plain channel. */
    public static class Tracing extends TracingProfile {
        public Tracing() {
            super(HTTP_PORT);
        }
    }

    @Override
    protected String portKey() {
        return TracingProfile.HTTP_PORT;
    }

    @Override
    protected String method() {
        return "sipplatform.registrar.v1.Registrar/Lookup";
    }

    @Override
    protected void call(ManagedChannel channel, StubDecoration decorate) {
        decorate.apply(RegistrarGrpc.newBlockingStub(channel))
                .lookup(LookupRequest.newBuilder().setAor("sip:nobody@example.com").build());
    }
}
