package io.sipplatform.routing.grpc;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcService;
import io.sipplatform.proto.routing.v1.DecideRequest;
import io.sipplatform.proto.routing.v1.DecideResponse;
import io.sipplatform.proto.routing.v1.GatewayObservation;
import io.sipplatform.proto.routing.v1.GatewayProbeTargetsRequest;
import io.sipplatform.proto.routing.v1.GatewayProbeTargetsResponse;
import io.sipplatform.proto.routing.v1.GetCredentialsRequest;
import io.sipplatform.proto.routing.v1.GetCredentialsResponse;
import io.sipplatform.proto.routing.v1.ObservationSource;
import io.sipplatform.proto.routing.v1.ProbeTarget;
import io.sipplatform.proto.routing.v1.ReleaseLeaseRequest;
import io.sipplatform.proto.routing.v1.ReleaseLeaseResponse;
import io.sipplatform.proto.routing.v1.ReportGatewayResultRequest;
import io.sipplatform.proto.routing.v1.ReportGatewayResultResponse;
import io.sipplatform.proto.routing.v1.RoutingGrpc;
import io.sipplatform.routing.RoutingConfig;
import io.sipplatform.routing.domain.CallLimits;
import io.sipplatform.routing.domain.Decision;
import io.sipplatform.routing.domain.DecisionEngine;
import io.sipplatform.routing.domain.EdgeRoster;
import io.sipplatform.routing.domain.Gateway;
import io.sipplatform.routing.domain.GatewayMonitor;
import io.sipplatform.routing.domain.GatewayStates;
import io.sipplatform.routing.domain.ProbePlan;
import io.sipplatform.routing.domain.RoutingSnapshot;
import io.sipplatform.routing.domain.TrunkAuth;
import io.sipplatform.routing.metrics.RoutingMetrics;
import io.sipplatform.routing.store.SnapshotRefresher;
import io.sipplatform.sip.uri.SipUri;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * sipplatform.routing.v1.Routing. Runs on worker threads (a decision may wait for the registrar or the cluster).
 * Every rpc answers with values; gRPC errors are only INVALID_ARGUMENT for caller bugs and INTERNAL when no
 * decision could be produced.
 */
@GrpcService
@Blocking
public class RoutingGrpcService extends RoutingGrpc.RoutingImplBase {
    private static final Logger LOG = Logger.getLogger(RoutingGrpcService.class);

    // Instances, resolved per call: the gRPC server builds this service on an event loop before startup, and
    // building the engine joins the cluster (seconds); @Startup builds it on the main thread instead.
    @Inject
    Instance<DecisionEngine> engine;

    @Inject
    Instance<CallLimits> limits;

    @Inject
    Instance<GatewayMonitor> health;

    @Inject
    Instance<EdgeRoster> edges;

    @Inject
    SnapshotRefresher snapshots;

    @Inject
    RoutingMetrics metrics;

    @Inject
    RoutingConfig config;

    @Override
    public void decide(DecideRequest request, StreamObserver<DecideResponse> response) {
        Decision decision;
        try {
            decision = metrics.decideTimer().record(() -> engine.get().decide(IntentMapping.intent(request)));
        } catch (RuntimeException e) {
            // No decision (cluster cache unreachable, a bug): the edge turns UNAVAILABLE into 503 via GrpcToSip.
            LOG.errorf(e, "no decision for Call-ID %s", request.getCallId());
            metrics.decideFailed();
            response.onError(Status.UNAVAILABLE.withDescription("no decision: " + e.getClass().getSimpleName())
                    .asRuntimeException());
            return;
        }
        metrics.decided(decision);
        response.onNext(DecisionMapping.response(decision));
        response.onCompleted();
    }

    @Override
    public void releaseLease(ReleaseLeaseRequest request, StreamObserver<ReleaseLeaseResponse> response) {
        if (request.getLeaseId().isEmpty()) {
            response.onError(Status.INVALID_ARGUMENT.withDescription("lease_id is required").asRuntimeException());
            return;
        }
        boolean released = limits.get().release(request.getLeaseId(), Instant.now());
        response.onNext(ReleaseLeaseResponse.newBuilder().setReleased(released).build());
        response.onCompleted();
    }

    @Override
    public void reportGatewayResult(ReportGatewayResultRequest request,
            StreamObserver<ReportGatewayResultResponse> response) {
        RoutingSnapshot snapshot = snapshots.get();
        for (GatewayObservation o : request.getObservationsList()) {
            Optional<RoutingSnapshot.GatewayEntry> entry = snapshot.gateway(o.getGatewayId());
            if (entry.isEmpty()) {
                continue; // removed since the edge got it, or not ours: nothing to track
            }
            Integer code = o.hasResponse() ? (Integer) o.getResponse().getCode() : null;
            GatewayStates.Transition t = health.get().observe(o.getGatewayId(), code);
            if (t.changed()) {
                metrics.gatewayStateChanged(o.getGatewayId(), t.after().up());
            }
            if (o.getSource() != ObservationSource.OBSERVATION_SOURCE_PROBE) {
                metrics.carrierAttempt(entry.get().carrier().id(), code != null && code >= 200 && code < 300);
            }
        }
        response.onNext(ReportGatewayResultResponse.getDefaultInstance());
        response.onCompleted();
    }

    @Override
    public void gatewayProbeTargets(GatewayProbeTargetsRequest request,
            StreamObserver<GatewayProbeTargetsResponse> response) {
        if (request.getEdgeId().isEmpty()) {
            response.onError(Status.INVALID_ARGUMENT.withDescription("edge_id is required").asRuntimeException());
            return;
        }
        RoutingConfig.Health h = config.health();
        GatewayProbeTargetsResponse.Builder out = GatewayProbeTargetsResponse.newBuilder()
                .setRefreshAfter(DecisionMapping.duration(h.probeRefresh()));
        List<RoutingSnapshot.GatewayEntry> mine = ProbePlan.assigned(request.getEdgeId(),
                edges.get().checkIn(request.getEdgeId(), Instant.now()), snapshots.get().probedGateways());
        for (RoutingSnapshot.GatewayEntry entry : mine) {
            Gateway g = entry.gateway();
            int port = g.port() == 0 ? -1 : g.port();
            out.addTargets(ProbeTarget.newBuilder().setGatewayId(g.id())
                    .setRequestUri(SipUri.of(null, g.host(), port).toString())
                    .setDestinationUri(SipUri.of(null, g.host(), port)
                            .withParam("transport", g.transport().uriParam()).toString())
                    .setTransport(DecisionMapping.transport(g.transport()))
                    .setInterval(DecisionMapping.duration(h.probeInterval()))
                    .setTimeout(DecisionMapping.duration(h.probeTimeout())));
        }
        response.onNext(out.build());
        response.onCompleted();
    }

    @Override
    public void getCredentials(GetCredentialsRequest request, StreamObserver<GetCredentialsResponse> response) {
        GetCredentialsResponse.Builder out = GetCredentialsResponse.newBuilder();
        snapshots.get().enabledAccount(request.getUsername(), request.getRealm()).ifPresent(entry -> {
            out.setFound(true).addAllHa1(DecisionMapping.ha1s(entry.account()))
                    .setCustomerId(entry.trunk().customerId()).setTrunkId(entry.trunk().id());
            if (entry.trunk().auth() instanceof TrunkAuth.ByDigest) {
                out.addAllAors(((TrunkAuth.ByDigest) entry.trunk().auth()).aors());
            }
        });
        response.onNext(out.build());
        response.onCompleted();
    }
}
