package io.sipplatform.edge.gateway;

import io.sipplatform.edge.time.ManualTimers;
import io.sipplatform.edge.transport.Destination;
import io.sipplatform.edge.transport.Transport;
import io.sipplatform.proto.routing.v1.GatewayFailure;
import io.sipplatform.proto.routing.v1.GatewayObservation;
import io.sipplatform.proto.routing.v1.GatewayProbeTargetsResponse;
import io.sipplatform.proto.routing.v1.ProbeTarget;
import io.sipplatform.sip.uri.SipUri;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The probe loop with timers fired by name, a scripted routing assignment and a scripted OPTIONS outcome. */
class ProbesTest {
    final ManualTimers timers = new ManualTimers();
    final List<GatewayObservation> reported = new ArrayList<>();
    final GatewayReports reports = new GatewayReports(b -> {
        reported.addAll(b);
        return CompletableFuture.completedFuture(null);
    }, 1, 10);
    final List<String> optionsSent = new ArrayList<>();
    final List<Consumer<OptionsSender.Outcome>> pending = new ArrayList<>();
    CompletionStage<GatewayProbeTargetsResponse> nextAssignment;

    final Probes probes = new Probes(() -> nextAssignment,
            (uri, preferred) -> CompletableFuture.completedFuture(Destination.of(Transport.UDP,
                    new InetSocketAddress(((SipUri) uri).host(), 5060))),
            (requestUri, destination, done) -> {
                optionsSent.add(requestUri);
                pending.add(done);
            },
            reports, timers, Runnable::run, InstantSource.fixed(Instant.parse("2026-11-21T12:00:00Z")),
            new Probes.Settings(Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofSeconds(60)), "e1");

    static GatewayProbeTargetsResponse assign(String... gateways) {
        GatewayProbeTargetsResponse.Builder b = GatewayProbeTargetsResponse.newBuilder();
        for (String g : gateways) {
            b.addTargets(ProbeTarget.newBuilder().setGatewayId(g).setRequestUri("sip:" + g + ".example"));
        }
        return b.build();
    }

    @Test
    void anAnswerIsReportedWithItsCodeAndStopsTheProbeTimeout() {
        nextAssignment = CompletableFuture.completedFuture(assign("gw1"));
        probes.start();
        assertEquals(List.of("sip:gw1.example"), optionsSent);
        pending.get(0).accept(new OptionsSender.Outcome(200, "OK", false));
        assertFalse(timers.isPending("probe-timeout"));
        pending.get(0).accept(new OptionsSender.Outcome(0, "", true)); // a second outcome of the round is ignored
        assertEquals(1, reported.size());
        assertEquals(200, reported.get(0).getResponse().getCode());
        assertEquals("e1", reported.get(0).getEdgeId());
    }

    @Test
    void noAnswerWithinTheTimeoutIsReportedOnceAsTimeout() {
        nextAssignment = CompletableFuture.completedFuture(assign("gw1"));
        probes.start();
        assertEquals(Duration.ofSeconds(5), timers.delayOf("probe-timeout"), "the configured default applies");
        timers.fire("probe-timeout");
        pending.get(0).accept(new OptionsSender.Outcome(0, "", true)); // Timer F, later
        assertEquals(1, reported.size());
        assertEquals(GatewayFailure.GATEWAY_FAILURE_TIMEOUT, reported.get(0).getFailure());
        timers.fire("probe-interval");
        assertEquals(2, optionsSent.size(), "the next probe after the interval");
    }

    @Test
    void routingDownKeepsTheLastAssignmentAndAGatewayDroppedFromItIsNoLongerProbed() {
        nextAssignment = CompletableFuture.completedFuture(assign("gw1", "gw2"));
        probes.start();
        assertEquals(2, probes.probed());
        nextAssignment = CompletableFuture.failedFuture(new RuntimeException("UNAVAILABLE"));
        timers.fire("probe-refresh");
        assertEquals(2, probes.probed(), "routing away: probing goes on as assigned");
        assertEquals(Duration.ofSeconds(60), timers.delayOf("probe-refresh"));
        nextAssignment = CompletableFuture.completedFuture(assign("gw2"));
        timers.fire("probe-refresh");
        assertEquals(1, probes.probed());
        optionsSent.clear();
        while (timers.isPending("probe-interval")) {
            timers.fire("probe-interval");
            if (optionsSent.size() > 3) {
                break;
            }
        }
        assertTrue(optionsSent.stream().allMatch(u -> u.equals("sip:gw2.example")), optionsSent.toString());
    }

    @Test
    void aBatchRoutingRefusesIsDroppedAndCounted() {
        List<Integer> sizes = new ArrayList<>();
        GatewayReports refusing = new GatewayReports(b -> {
            sizes.add(b.size());
            return CompletableFuture.failedFuture(new RuntimeException("UNAVAILABLE"));
        }, 2, 3);
        for (int i = 0; i < 5; i++) {
            refusing.add(GatewayObservation.newBuilder().setGatewayId("gw" + i).build());
        }
        assertEquals(List.of(2, 2), sizes, "full batches go at once");
        assertEquals(4, refusing.dropped());
        assertEquals(1, refusing.pending());
        assertEquals(0, refusing.sent());
    }
}
