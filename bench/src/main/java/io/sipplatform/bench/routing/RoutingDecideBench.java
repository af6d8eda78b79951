package io.sipplatform.bench.routing;

import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;
import io.sipplatform.proto.common.v1.NameAddress;
import io.sipplatform.proto.common.v1.Transport;
import io.sipplatform.proto.common.v1.TransportAddress;
import io.sipplatform.proto.routing.v1.DecideRequest;
import io.sipplatform.proto.routing.v1.DecideResponse;
import io.sipplatform.proto.routing.v1.GetCredentialsRequest;
import io.sipplatform.proto.routing.v1.ReleaseLeaseRequest;
import io.sipplatform.proto.routing.v1.RoutingGrpc;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * Decisions per second over gRPC: the packaged routing-service runs as its own process (embedded H2 store, no
 * cluster), provisioned through the admin API with {@value #CUSTOMERS} customers, {@value #CARRIERS} carriers of two
 * gateways each and {@value #ROUTES} routes (longest prefix, three carriers per route in two priorities with
 * weights). Several client threads share one channel, as an edge does.
 *
 * <ul>
 * <li>{@code decide}: an outbound INVITE from an IP-authenticated trunk without limits: trunk by source address,
 * number normalisation, caller-ID and destination checks, least-cost routing, target list.</li>
 * <li>{@code decideAndRelease}: the same from a trunk limited to 64 concurrent calls: the decision takes a lease
 * (a conditional write in the limit cache) and the call's end releases it (ReleaseLease), two RPCs per call.</li>
 * <li>{@code credentialsLookup}, the reference measured in the same run: GetCredentials of an unknown account, an
 * RPC that does almost nothing in the service, so decide / reference is the cost of deciding relative to a bare
 * round trip on the same machine.</li>
 * </ul>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
@Threads(4)
@Fork(1)
public class RoutingDecideBench {
    static final int CUSTOMERS = 20;
    static final int CARRIERS = 10;
    static final int ROUTES = 1000;
    private static final String[] COUNTRIES = {"1", "44", "49", "33", "39", "34", "31", "41", "43", "46"};

    private RoutingProcess routing;
    private ManagedChannel channel;
    private RoutingGrpc.RoutingBlockingStub stub;
    private String[] destinations;
    private final AtomicLong calls = new AtomicLong();

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        routing = RoutingProcess.start(Path.of(System.getProperty("routing.app",
                "routing-service/target/quarkus-app/quarkus-run.jar")));
        Random random = new Random(20261121L);
        for (int c = 0; c < CARRIERS; c++) {
            routing.provision("carriers", "{\"id\":\"carrier-" + c + "\",\"name\":\"Carrier " + c + "\","
                    + "\"gateways\":[{\"id\":\"carrier-" + c + "-a\",\"host\":\"gw-a.carrier-" + c + ".example\","
                    + "\"priority\":0},{\"id\":\"carrier-" + c + "-b\",\"host\":\"gw-b.carrier-" + c
                    + ".example\",\"priority\":1}]}");
        }
        destinations = new String[ROUTES];
        for (int r = 0; r < ROUTES; r++) {
            String country = COUNTRIES[r % COUNTRIES.length];
            String prefix = "+" + country + (100 + r / COUNTRIES.length);
            int first = random.nextInt(CARRIERS);
            routing.provision("routes", "{\"id\":\"route-" + r + "\",\"prefix\":\"" + prefix + "\",\"carriers\":["
                    + carrier(first, 0, 2) + "," + carrier((first + 1) % CARRIERS, 0, 1) + ","
                    + carrier((first + 2) % CARRIERS, 1, 1) + "]}");
            destinations[r] = prefix + (1_000_000 + random.nextInt(9_000_000));
        }
        for (int c = 0; c < CUSTOMERS; c++) {
            routing.provision("customers", "{\"id\":\"customer-" + c + "\",\"name\":\"Customer " + c + "\"}");
        }
        // Customer 0's PBX: 127.0.0.1 is the unlimited trunk, 127.0.0.2 (more specific) the limited one.
        routing.provision("trunks", trunk("pbx-open", "127.0.0.0/8", ""));
        routing.provision("trunks", trunk("pbx-limited", "127.0.0.2/32", ",\"limits\":{\"maxConcurrent\":64}"));
        channel = NettyChannelBuilder.forAddress("127.0.0.1", routing.grpcPort).usePlaintext().build();
        stub = RoutingGrpc.newBlockingStub(channel);
        DecideResponse probe = decision("127.0.0.1");
        if (!probe.hasProxy()) {
            throw new IllegalStateException("the provisioning does not route: " + probe);
        }
    }

    private static String carrier(int carrier, int priority, int weight) {
        return "{\"carrierId\":\"carrier-" + carrier + "\",\"priority\":" + priority + ",\"weight\":" + weight + "}";
    }

    private static String trunk(String id, String network, String extra) {
        return "{\"id\":\"" + id + "\",\"customerId\":\"customer-0\",\"name\":\"" + id + "\","
                + "\"auth\":{\"type\":\"address\",\"networks\":[\"" + network + "\"],\"transports\":[\"UDP\"]},"
                + "\"destinations\":{\"allowInternational\":true},"
                + "\"numberPlan\":{\"countryCode\":\"49\",\"nationalPrefix\":\"0\",\"internationalPrefix\":\"00\"}"
                + extra + "}";
    }

    private DecideResponse decision(String sourceIp) {
        long n = calls.incrementAndGet();
        String ruri = "sip:" + destinations[(int) (n % destinations.length)] + "@sip.bench.example";
        return stub.withDeadlineAfter(5, TimeUnit.SECONDS).decide(DecideRequest.newBuilder().setMethod("INVITE")
                .setCallId("bench-" + n)
                .setSource(TransportAddress.newBuilder().setIp(sourceIp).setPort(5060)
                        .setTransport(Transport.TRANSPORT_UDP))
                .setRequestUri(ruri).setFrom(NameAddress.newBuilder().setUri("sip:+4930555000@pbx.bench.example"))
                .setTo(NameAddress.newBuilder().setUri(ruri)).build());
    }

    @TearDown(Level.Trial)
    public void tearDown() throws InterruptedException {
        if (channel != null) {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
        if (routing != null) {
            routing.close();
        }
    }

    /** An outbound decision from a trunk without limits. */
    @Benchmark
    public DecideResponse decide() {
        return decision("127.0.0.1");
    }

    /** A decision that takes a concurrency lease, then its release. */
    @Benchmark
    public boolean decideAndRelease() {
        DecideResponse decision = decision("127.0.0.2");
        if (!decision.hasProxy() || !decision.getProxy().hasLease()) {
            throw new IllegalStateException("expected a proxy decision with a lease: " + decision);
        }
        return stub.withDeadlineAfter(5, TimeUnit.SECONDS).releaseLease(ReleaseLeaseRequest.newBuilder()
                .setLeaseId(decision.getProxy().getLease().getLeaseId()).setCallId("bench").build()).getReleased();
    }

    /** Reference: a near-empty RPC on the same server. */
    @Benchmark
    public boolean credentialsLookup() {
        return stub.withDeadlineAfter(5, TimeUnit.SECONDS).getCredentials(GetCredentialsRequest.newBuilder()
                .setUsername("nobody").setRealm("sipplatform").build()).getFound();
    }
}
