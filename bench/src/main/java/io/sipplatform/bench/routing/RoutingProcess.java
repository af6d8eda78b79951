package io.sipplatform.bench.routing;

import io.sipplatform.testkit.process.ServiceProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The packaged routing-service as a child process: embedded H2 store in a fresh directory, gRPC on a free port, an
 * admin token, tracing off; provisioned over its REST admin API like an operator would.
 */
final class RoutingProcess implements AutoCloseable {
    private static final String TOKEN = "bench-token";

    final int grpcPort;
    private final ServiceProcess service;

    private RoutingProcess(ServiceProcess service, int grpcPort) {
        this.service = service;
        this.grpcPort = grpcPort;
    }

    static RoutingProcess start(Path app) throws IOException, InterruptedException {
        Path dataDir = Files.createTempDirectory("routing-bench");
        int grpcPort = ServiceProcess.freePort();
        ServiceProcess service = ServiceProcess.start(app, Map.of(
                "quarkus.grpc.server.host", "127.0.0.1", "quarkus.grpc.server.port", String.valueOf(grpcPort),
                "routing.store.data-dir", dataDir.toAbsolutePath().toString(), "routing.admin.tokens", TOKEN,
                "quarkus.otel.sdk.disabled", "true"), dataDir.resolve("routing.log"));
        return new RoutingProcess(service, grpcPort);
    }

    void provision(String collection, String json) throws IOException, InterruptedException {
        service.create("/admin/v1/" + collection, TOKEN, json);
    }

    @Override
    public void close() throws InterruptedException {
        service.close();
    }
}
