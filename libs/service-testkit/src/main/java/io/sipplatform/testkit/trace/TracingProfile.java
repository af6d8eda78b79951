package io.sipplatform.testkit.trace;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The test profile of a trace test: the OTel SDK on (tests elsewhere run without it), spans exported every 20 ms,
 * and a fixed free port under the given key, so a plain gRPC channel can reach the server.
 */
public abstract class TracingProfile implements QuarkusTestProfile {
    /** The separate gRPC server's test port. */
    public static final String GRPC_SERVER_PORT = "quarkus.grpc.server.test-port";
    /** The HTTP test port, for services whose gRPC shares the HTTP server. */
    public static final String HTTP_PORT = "quarkus.http.test-port";

    private final String portKey;

    protected TracingProfile(String portKey) {
        this.portKey = portKey;
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.otel.sdk.disabled", "false", "quarkus.otel.bsp.schedule.delay", "20ms",
                portKey, String.valueOf(TraceContinuationContract.freePort()));
    }
}
