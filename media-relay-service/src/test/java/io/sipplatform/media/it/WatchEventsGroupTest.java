package io.sipplatform.media.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.grpc.Channel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.sipplatform.media.events.EventGroups;
import io.sipplatform.media.relay.MediaEvent;
import io.sipplatform.proto.media.v1.MediaRelayGrpc;
import io.sipplatform.proto.media.v1.WatchEventsResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * WatchEvents groups over real gRPC: edge replicas subscribing with group "edge" share the events (each to exactly
 * one of them, the next one when a replica leaves), subscribers without a group get every event.
 */
@QuarkusTest
class WatchEventsGroupTest {
    private static final int WAIT_MS = 2000;

    @GrpcClient("relay")
    MediaRelayGrpc.MediaRelayBlockingStub relay;

    @GrpcClient("relay")
    Channel channel;

    @Inject
    EventGroups<MediaEvent> events;

    @TestHTTPResource("/q/metrics")
    URI metrics;

    private final List<CallPeers> calls = new ArrayList<>();

    // The previous test's replicas leave asynchronously; counting members needs them gone.
    @BeforeEach
    void noReplicaLeftOver() {
        await().until(() -> events.members("edge") == 0);
    }

    /** {@code n} calls of which A sends one RTP packet each: n first-packet events, Call-IDs starting with prefix. */
    private void firstPackets(String prefix, int n) {
        for (int i = 0; i < n; i++) {
            CallPeers call = new CallPeers(relay, prefix);
            calls.add(call);
            call.aRtp.send(UdpPeer.rtp(0, 1, 160, 0xA), call.establish(ByteString.EMPTY));
            assertNotNull(call.bRtp.receive(WAIT_MS), "relayed");
        }
    }

    /** First-packet events of {@code prefix} each watch received, once {@code total} arrived over all of them. */
    private static List<Set<String>> firstPacketCalls(String prefix, int total, EventWatch... watches) {
        List<Set<String>> seen = new ArrayList<>();
        List<List<String>> all = new ArrayList<>();
        for (EventWatch ignored : watches) {
            all.add(new ArrayList<>());
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> {
            for (int i = 0; i < watches.length; i++) {
                watches[i].drain(prefix).stream()
                        .filter(e -> e.getEventCase() == WatchEventsResponse.EventCase.FIRST_PACKET)
                        .map(WatchEventsResponse::getCallId).forEach(all.get(i)::add);
            }
            return all.stream().mapToInt(List::size).sum() >= total;
        });
        for (List<String> calls : all) {
            Set<String> distinct = new HashSet<>(calls);
            assertEquals(calls.size(), distinct.size(), "no event twice to one subscriber");
            seen.add(distinct);
        }
        return seen;
    }

    private void closeCalls() {
        calls.forEach(CallPeers::close);
        calls.clear();
    }

    @Test
    void eachEventOfAGroupGoesToExactlyOneOfItsSubscribers() {
        String prefix = "grp-" + UUID.randomUUID() + "-";
        try (EventWatch one = new EventWatch(channel, "edge-1", "edge");
             EventWatch two = new EventWatch(channel, "edge-2", "edge")) {
            await().until(() -> events.members("edge") == 2);
            firstPackets(prefix, 6);
            List<Set<String>> seen = firstPacketCalls(prefix, 6, one, two);
            Set<String> both = new HashSet<>(seen.get(0));
            both.retainAll(seen.get(1));
            assertTrue(both.isEmpty(), "an event went to both replicas: " + both);
            assertEquals(6, seen.get(0).size() + seen.get(1).size());
            assertFalse(seen.get(0).isEmpty() || seen.get(1).isEmpty(), "round robin uses both replicas");
        } finally {
            closeCalls();
        }
    }

    @Test
    void whenAReplicaLeavesTheOtherGetsEveryEventAndWithNoneLeftEventsAreCountedUndelivered() throws Exception {
        String prefix = "fail-" + UUID.randomUUID() + "-";
        try (EventWatch stays = new EventWatch(channel, "edge-1", "edge")) {
            try (EventWatch leaves = new EventWatch(channel, "edge-2", "edge")) {
                await().until(() -> events.members("edge") == 2);
            }
            await().until(() -> events.members("edge") == 1);
            firstPackets(prefix, 4);
            assertEquals(4, firstPacketCalls(prefix, 4, stays).get(0).size());

            stays.close();
            await().until(() -> events.members("edge") == 0);
            double before = undelivered("edge");
            firstPackets(prefix, 1);
            await().atMost(Duration.ofSeconds(5)).until(() -> undelivered("edge") >= before + 1);
        } finally {
            closeCalls();
        }
    }

    @Test
    void subscribersWithoutAGroupGetEveryEventBesideTheGroup() throws InterruptedException {
        String prefix = "all-" + UUID.randomUUID() + "-";
        try (EventWatch cdr1 = new EventWatch(channel, "cdr-1", "");
             EventWatch cdr2 = new EventWatch(channel, "cdr-2", "");
             EventWatch edge = new EventWatch(channel, "edge-1", "edge")) {
            cdr1.awaitSubscribed(relay);
            cdr2.awaitSubscribed(relay);
            await().until(() -> events.members("edge") == 1);
            firstPackets(prefix, 3);
            assertEquals(3, firstPacketCalls(prefix, 3, cdr1).get(0).size());
            assertEquals(3, firstPacketCalls(prefix, 3, cdr2).get(0).size());
            assertEquals(3, firstPacketCalls(prefix, 3, edge).get(0).size());
        } finally {
            closeCalls();
        }
    }

    @Test
    void aGroupNameThatCannotBeAMetricTagIsInvalidArgument() {
        try (EventWatch bad = new EventWatch(channel, "edge-1", "edge replicas")) {
            await().until(() -> bad.failure() != null);
            StatusRuntimeException e = assertInstanceOf(StatusRuntimeException.class, bad.failure());
            assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
        }
    }

    private double undelivered(String group) throws IOException, InterruptedException {
        String line = "media_relay_events_undelivered_total{group=\"" + group + "\"} ";
        String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(metrics).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return body.lines().filter(l -> l.startsWith(line)).mapToDouble(l -> Double.parseDouble(
                l.substring(line.length()).trim())).findFirst().orElse(0);
    }
}
