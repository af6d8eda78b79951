package io.sipplatform.edge.it;

import io.grpc.Status;
import io.quarkus.grpc.GrpcService;
import io.sipplatform.proto.common.v1.Transport;
import io.sipplatform.proto.routing.v1.DecideRequest;
import io.sipplatform.proto.routing.v1.DecideResponse;
import io.sipplatform.proto.routing.v1.FailoverPolicy;
import io.sipplatform.proto.routing.v1.GatewayObservation;
import io.sipplatform.proto.routing.v1.GatewayProbeTargetsRequest;
import io.sipplatform.proto.routing.v1.GatewayProbeTargetsResponse;
import io.sipplatform.proto.routing.v1.GetCredentialsRequest;
import io.sipplatform.proto.routing.v1.GetCredentialsResponse;
import io.sipplatform.proto.routing.v1.ProbeTarget;
import io.sipplatform.proto.routing.v1.Proxy;
import io.sipplatform.proto.routing.v1.ReleaseLeaseRequest;
import io.sipplatform.proto.routing.v1.ReleaseLeaseResponse;
import io.sipplatform.proto.routing.v1.ReportGatewayResultRequest;
import io.sipplatform.proto.routing.v1.ReportGatewayResultResponse;
import io.sipplatform.proto.routing.v1.Routing;
import io.sipplatform.proto.routing.v1.Target;
import io.sipplatform.proto.routing.v1.TargetGroup;
import io.smallrye.mutiny.Uni;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** In-process stand-in for routing-service: sends every call to the carriers the test names, in order. */
@GrpcService
public class FakeRouting implements Routing {
    static volatile List<String> carriers = List.of();
    static volatile Status failWith;
    /** Calls routed while set have their media anchored at the relay. */
    static volatile boolean relayMedia;
    static final List<DecideRequest> seen = new CopyOnWriteArrayList<>();
    /** Gateways every replica is told to probe (refreshed every 100 ms, so a test's change applies at once). */
    static volatile List<ProbeTarget> probeTargets = List.of();
    /** Every gateway observation the edge reported. */
    static final List<GatewayObservation> observations = new CopyOnWriteArrayList<>();
    static final List<String> probeAskers = new CopyOnWriteArrayList<>();

    @Override
    public Uni<DecideResponse> decide(DecideRequest request) {
        seen.add(request);
        if (failWith != null) {
            return Uni.createFrom().failure(failWith.asRuntimeException());
        }
        Proxy.Builder p = Proxy.newBuilder();
        for (String c : carriers) {
            p.addGroups(TargetGroup.newBuilder()
                    .addTargets(Target.newBuilder().setRequestUri(c).setTransport(Transport.TRANSPORT_UDP)
                            .setGatewayId(c))
                    .setFailover(FailoverPolicy.newBuilder().addCodes(503).addClasses(5).setOnTimeout(true)));
        }
        if (relayMedia) {
            p.setMedia(io.sipplatform.proto.routing.v1.MediaPolicy.newBuilder().setRelay(true));
        }
        return Uni.createFrom().item(DecideResponse.newBuilder().setDecisionId("d-" + seen.size()).setProxy(p)
                .build());
    }

    @Override
    public Uni<ReleaseLeaseResponse> releaseLease(ReleaseLeaseRequest request) {
        return Uni.createFrom().item(ReleaseLeaseResponse.newBuilder().setReleased(true).build());
    }

    @Override
    public Uni<ReportGatewayResultResponse> reportGatewayResult(ReportGatewayResultRequest request) {
        observations.addAll(request.getObservationsList());
        return Uni.createFrom().item(ReportGatewayResultResponse.getDefaultInstance());
    }

    @Override
    public Uni<GatewayProbeTargetsResponse> gatewayProbeTargets(GatewayProbeTargetsRequest request) {
        if (request.getEdgeId().isEmpty()) {
            return Uni.createFrom().failure(Status.INVALID_ARGUMENT.withDescription("edge_id is required")
                    .asRuntimeException());
        }
        probeAskers.add(request.getEdgeId());
        return Uni.createFrom().item(GatewayProbeTargetsResponse.newBuilder().addAllTargets(probeTargets)
                .setRefreshAfter(com.google.protobuf.Duration.newBuilder().setNanos(100_000_000)).build());
    }

    @Override
    public Uni<GetCredentialsResponse> getCredentials(GetCredentialsRequest request) {
        return Uni.createFrom().item(GetCredentialsResponse.getDefaultInstance());
    }
}
