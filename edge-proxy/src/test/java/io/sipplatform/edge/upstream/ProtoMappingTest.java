package io.sipplatform.edge.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.sipplatform.edge.proxy.CallEvents;
import io.sipplatform.edge.proxy.Decision;
import io.sipplatform.proto.cdr.v1.CallEvent;
import io.sipplatform.proto.common.v1.SipOutcome;
import io.sipplatform.proto.routing.v1.CallContext;
import io.sipplatform.proto.routing.v1.DecideResponse;
import io.sipplatform.proto.routing.v1.Proxy;
import io.sipplatform.proto.routing.v1.Reject;
import io.sipplatform.proto.routing.v1.Target;
import io.sipplatform.proto.routing.v1.TargetGroup;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the CDR learns from routing's decisions: the trunk of a refused call, the carrier of each attempt. */
class ProtoMappingTest {
    private static final CallContext CONTEXT = CallContext.newBuilder().setCustomerId("acme").setTrunkId("acme-pbx")
            .setCalleeE164("+15551234567").build();

    @Test
    void aRefusedCallKeepsWhoWasCallingForItsCdr() {
        Decision.Reject reject = assertInstanceOf(Decision.Reject.class, ProtoMapping.decision(
                DecideResponse.newBuilder().setDecisionId("d-7").setContext(CONTEXT).setReject(Reject.newBuilder()
                        .setOutcome(SipOutcome.newBuilder().setCode(503).setReason("Limit"))).build()));
        assertEquals(503, reject.rejection().code());
        assertEquals("d-7", reject.decisionId());
        assertEquals("acme-pbx", reject.context().get("trunk"));
        assertEquals("acme", reject.context().get("customer"));
    }

    @Test
    void eachTargetKnowsItsCarrierAndTheLegEventCarriesIt() {
        Decision.Proxy proxy = assertInstanceOf(Decision.Proxy.class, ProtoMapping.decision(DecideResponse
                .newBuilder().setDecisionId("d-8").setContext(CONTEXT).setProxy(Proxy.newBuilder()
                        .addGroups(TargetGroup.newBuilder().addTargets(Target.newBuilder()
                                .setRequestUri("sip:+15551234567@192.0.2.9").setGatewayId("gw-9")
                                .setCarrierId("carrier-9")))).build()));
        Decision.Target target = proxy.groups().get(0).targets().get(0);
        assertEquals("carrier-9", target.carrierId());
        CallEvent leg = CdrEvents.toProto(new CallEvents.LegAttempt("c1", Instant.EPOCH, 1, target.gatewayId(),
                target.carrierId(), target.requestUri(), 200, "OK", false, false, 0), "e1", "site");
        assertEquals("carrier-9", leg.getLegAttempt().getCarrierId());
        assertEquals("gw-9", leg.getLegAttempt().getGatewayId());
        CallEvent answer = CdrEvents.toProto(new CallEvents.Answer("c1", Instant.EPOCH, "gw-9", "carrier-9"), "e1",
                "site");
        assertEquals("carrier-9", answer.getAnswer().getCarrierId());
        assertEquals(Map.of(), new Decision.Reject(new io.sipplatform.edge.proxy.Rejection(403, "Forbidden",
                Map.of())).context());
    }
}
