package io.sipplatform.edge.gateway;

import io.sipplatform.edge.proxy.CallEvents;
import io.sipplatform.proto.common.v1.SipOutcome;
import io.sipplatform.proto.routing.v1.GatewayFailure;
import io.sipplatform.proto.routing.v1.GatewayObservation;
import io.sipplatform.proto.routing.v1.ObservationSource;

/**
 * Passive gateway health: every call attempt to a carrier gateway (a leg with a gateway id) becomes an observation
 * for routing-service: the gateway's final response, or a timeout (no final response in time, Timer B or the
 * target's progress timeout) or a transport error (refused, reset, unreachable). Passes every event on to the CDR
 * reporter it wraps.
 */
public final class GatewayCallReports implements CallEvents {
    private final CallEvents next;
    private final GatewayReports reports;
    private final String edgeId;

    public GatewayCallReports(CallEvents next, GatewayReports reports, String edgeId) {
        this.next = next;
        this.reports = reports;
        this.edgeId = edgeId;
    }

    @Override
    public void report(Event event) {
        next.report(event);
        if (event instanceof LegAttempt leg && leg.gatewayId() != null && !leg.gatewayId().isEmpty()) {
            reports.add(observation(leg, edgeId));
        }
    }

    static GatewayObservation observation(LegAttempt leg, String edgeId) {
        GatewayObservation.Builder b = GatewayObservation.newBuilder().setGatewayId(leg.gatewayId())
                .setEdgeId(edgeId).setSource(ObservationSource.OBSERVATION_SOURCE_CALL)
                .setObservedAt(Probes.timestamp(leg.at()));
        if (leg.transportError()) {
            b.setFailure(GatewayFailure.GATEWAY_FAILURE_TRANSPORT_ERROR);
        } else if (leg.timeout()) {
            b.setFailure(GatewayFailure.GATEWAY_FAILURE_TIMEOUT);
        } else {
            b.setResponse(SipOutcome.newBuilder().setCode(leg.code())
                    .setReason(leg.reason() == null ? "" : leg.reason()));
            if (leg.postDialDelayMillis() > 0) {
                b.setResponseDelay(Probes.duration(java.time.Duration.ofMillis(leg.postDialDelayMillis())));
            }
        }
        return b.build();
    }
}
