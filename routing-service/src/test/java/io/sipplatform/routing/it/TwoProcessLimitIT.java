package io.sipplatform.routing.it;

import java.time.Duration;
import org.awaitility.Awaitility;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.sipplatform.proto.common.v1.NameAddress;
import io.sipplatform.proto.common.v1.Transport;
import io.sipplatform.proto.common.v1.TransportAddress;
import io.sipplatform.proto.routing.v1.DecideRequest;
import io.sipplatform.proto.routing.v1.DecideResponse;
import io.sipplatform.proto.routing.v1.ReleaseLeaseRequest;
import io.sipplatform.proto.routing.v1.RoutingGrpc;
import io.sipplatform.testkit.process.ServiceProcess;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Cluster-wide limits with two routing replicas as two separate processes (the packaged service, each its own JVM),
 * clustered over loopback JGroups TCP and sharing one PostgreSQL provisioning schema, as two pods would: 2N
 * simultaneous Decide requests for a trunk limited to N, half to each replica, admit exactly N; the others get 503.
 * A lease taken at one replica is released at the other, and the slot is free again for the first.
 */
class TwoProcessLimitIT {
    private static final String URL = System.getProperty("routing.test.postgresql.url",
            "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String USER = System.getProperty("routing.test.postgresql.user", "postgres");
    private static final Path APP = Path.of(System.getProperty("routing.it.app",
            "target/quarkus-app/quarkus-run.jar"));
    private static final String TOKEN = "it-token";
    private static final int LIMIT = 8;
    private static final Pattern MEMBERS = Pattern.compile("\"members\"\\s*:\\s*(\\d+)");
    private static final Pattern REVISION = Pattern.compile("(?m)^routing_snapshot_revision(?:\\{[^}]*\\})? (\\S+)$");

    private final String schema = "routing_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private final List<ServiceProcess> replicas = new ArrayList<>();
    private final List<ManagedChannel> channels = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (ManagedChannel channel : channels) {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
        for (ServiceProcess replica : replicas) {
            replica.close();
        }
        sql("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }

    @Test
    void twiceTheLimitOfSimultaneousCallsAtTwoReplicaProcessesAdmitsExactlyTheLimit() throws Exception {
        sql("CREATE SCHEMA " + schema);
        int[] jgroups = {clusterPort(), clusterPort()};
        int[] grpc = {ServiceProcess.freePort(), ServiceProcess.freePort()};
        String members = "127.0.0.1[" + jgroups[0] + "],127.0.0.1[" + jgroups[1] + "]";
        String cluster = "routing-it-" + schema;
        for (int i = 0; i < 2; i++) {
            replicas.add(ServiceProcess.start(APP, replicaProperties(cluster, members, jgroups[i], grpc[i]),
                    Path.of("target", "it-logs", schema + "-replica-" + i + ".log")));
        }
        awaitMembers(2);
        ServiceProcess a = replicas.get(0);
        a.create("/admin/v1/customers", TOKEN, "{\"id\":\"acme\",\"name\":\"Acme\"}");
        a.create("/admin/v1/trunks", TOKEN, "{\"id\":\"acme-pbx\",\"customerId\":\"acme\",\"name\":\"PBX\","
                + "\"auth\":{\"type\":\"address\",\"networks\":[\"127.0.0.0/8\"],\"transports\":[\"UDP\"]},"
                + "\"limits\":{\"maxConcurrent\":" + LIMIT + "},"
                + "\"numberPlan\":{\"countryCode\":\"49\",\"nationalPrefix\":\"0\",\"internationalPrefix\":\"00\"}}");
        a.create("/admin/v1/carriers", TOKEN, "{\"id\":\"cheap\",\"name\":\"Cheap\","
                + "\"gateways\":[{\"id\":\"cheap-a\",\"host\":\"gw-a.cheap.example\"}]}");
        a.create("/admin/v1/routes", TOKEN, "{\"id\":\"de\",\"prefix\":\"+49\",\"carriers\":[{\"carrierId\":\"cheap\"}]}");
        awaitSameRevision();
        List<RoutingGrpc.RoutingBlockingStub> stubs = new ArrayList<>();
        for (int port : grpc) {
            ManagedChannel channel = ManagedChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
            channels.add(channel);
            stubs.add(RoutingGrpc.newBlockingStub(channel));
        }

        List<DecideResponse> decisions = simultaneously(stubs, 2 * LIMIT);

        List<DecideResponse> granted = decisions.stream().filter(d -> d.hasProxy() && d.getProxy().hasLease())
                .toList();
        List<DecideResponse> refused = decisions.stream().filter(DecideResponse::hasReject).toList();
        assertEquals(LIMIT, granted.size(), "granted");
        assertEquals(LIMIT, refused.size(), "refused");
        refused.forEach(r -> assertEquals(503, r.getReject().getOutcome().getCode(), r.toString()));
        assertEquals(LIMIT, granted.stream().map(d -> d.getProxy().getLease().getLeaseId()).distinct().count());

        // Full at both replicas; one call ends and its lease is released at the other replica; a call fits again.
        assertTrue(decide(stubs.get(0), "full-a").hasReject());
        assertTrue(decide(stubs.get(1), "full-b").hasReject());
        assertTrue(stubs.get(1).withDeadlineAfter(5, TimeUnit.SECONDS).releaseLease(ReleaseLeaseRequest.newBuilder()
                .setLeaseId(granted.get(0).getProxy().getLease().getLeaseId()).setCallId("ended").build())
                .getReleased());
        assertTrue(decide(stubs.get(0), "after-release").getProxy().hasLease());
    }

    /** Fires {@code count} Decide requests at once, alternating between the replicas; returns every answer. */
    private static List<DecideResponse> simultaneously(List<RoutingGrpc.RoutingBlockingStub> stubs, int count)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<DecideResponse>> answers = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                RoutingGrpc.RoutingBlockingStub stub = stubs.get(i % stubs.size());
                String callId = "burst-" + i;
                answers.add(pool.submit(() -> {
                    start.await();
                    return decide(stub, callId);
                }));
            }
            start.countDown();
            List<DecideResponse> decisions = new ArrayList<>();
            for (Future<DecideResponse> answer : answers) {
                decisions.add(answer.get(30, TimeUnit.SECONDS));
            }
            return decisions;
        } finally {
            pool.shutdownNow();
        }
    }

    private static DecideResponse decide(RoutingGrpc.RoutingBlockingStub stub, String callId) {
        String ruri = "sip:+4940123456@sip.example";
        return stub.withDeadlineAfter(10, TimeUnit.SECONDS).decide(DecideRequest.newBuilder().setMethod("INVITE")
                .setCallId(callId)
                .setSource(TransportAddress.newBuilder().setIp("127.0.0.1").setPort(5060)
                        .setTransport(Transport.TRANSPORT_UDP))
                .setRequestUri(ruri).setFrom(NameAddress.newBuilder().setUri("sip:+4930555@pbx"))
                .setTo(NameAddress.newBuilder().setUri(ruri)).build());
    }

    private Map<String, String> replicaProperties(String cluster, String members, int jgroupsPort, int grpcPort) {
        Map<String, String> p = new HashMap<>();
        p.put("quarkus.grpc.server.host", "127.0.0.1");
        p.put("quarkus.grpc.server.port", String.valueOf(grpcPort));
        p.put("quarkus.datasource.postgresql.jdbc.url", URL + "?currentSchema=" + schema);
        p.put("quarkus.datasource.postgresql.username", USER);
        p.put("quarkus.datasource.embedded.active", "false");
        p.put("routing.admin.tokens", TOKEN);
        p.put("routing.cluster.enabled", "true");
        p.put("routing.cluster.name", cluster);
        p.put("routing.cluster.bind-address", "127.0.0.1");
        p.put("routing.cluster.bind-port", String.valueOf(jgroupsPort));
        p.put("routing.cluster.initial-hosts", members);
        p.put("quarkus.otel.sdk.disabled", "true");
        p.put("java.net.preferIPv4Stack", "true");
        return p;
    }

    /** Both replicas see the given number of members (each joined the other), within 30 s. */
    private void awaitMembers(int expected) throws Exception {
        Awaitility.await("a cluster of " + expected).atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100)).until(() -> {
                    for (ServiceProcess replica : replicas) {
                        Matcher m = MEMBERS.matcher(replica.get("/q/health/ready").body());
                        if (!m.find() || Integer.parseInt(m.group(1)) != expected) {
                            return false;
                        }
                    }
                    return true;
                });
    }

    /** Both replicas run on the same provisioning revision (the second polls the shared store), within 10 s. */
    private void awaitSameRevision() throws Exception {
        Awaitility.await("the second replica loading the provisioning").atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(100)).until(() -> {
                    String first = revision(replicas.get(0));
                    return first != null && first.equals(revision(replicas.get(1)));
                });
    }

    private static String revision(ServiceProcess replica) throws Exception {
        Matcher m = REVISION.matcher(replica.get("/q/metrics").body());
        return m.find() ? m.group(1) : null;
    }

    /** A free port whose +100 is free too: JGroups' FD_SOCK2 listens there. */
    private static int clusterPort() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int port = ServiceProcess.freePort();
            if (port + 100 < 65536 && free(port + 100)) {
                return port;
            }
        }
        throw new IOException("no free port pair for JGroups");
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void sql(String statement) throws SQLException {
        try (Connection c = DriverManager.getConnection(URL, USER, ""); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }
}
