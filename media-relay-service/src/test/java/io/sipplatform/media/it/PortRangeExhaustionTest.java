package io.sipplatform.media.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.sipplatform.proto.media.v1.AnswerRequest;
import io.sipplatform.proto.media.v1.DeleteRequest;
import io.sipplatform.proto.media.v1.MediaRelayGrpc;
import io.sipplatform.proto.media.v1.OfferRequest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/**
 * A range of four pairs (two streams) with a long quarantine: exhaustion, quarantine, readiness, transport and drain
 * (no new sessions, existing ones keep relaying).
 */
@QuarkusTest
@TestProfile(PortRangeExhaustionTest.TinyRange.class)
class PortRangeExhaustionTest {

    /** Four pairs, an hour of quarantine. */
    public static final class TinyRange implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("media.port-min", "31400", "media.port-max", "31407", "media.quarantine", "1h");
        }
    }

    @GrpcClient("relay")
    MediaRelayGrpc.MediaRelayBlockingStub relay;

    @TestHTTPResource("/")
    URI base;

    private final HttpClient http = HttpClient.newHttpClient();

    private int get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private String body(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).build(), HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private OfferRequest offer(String callId) {
        return OfferRequest.newBuilder().setCallId(callId).setFromTag("a").setSdp(Sdp.audio(4000, 4001)).build();
    }

    private Status.Code failure(String callId) {
        return assertThrows(StatusRuntimeException.class, () -> relay.offer(offer(callId))).getStatus().getCode();
    }

    @Test
    void fullRangeIsExhaustedUntilQuarantineEndsAndDrainRefusesNewSessionsButKeepsRelaying() throws Exception {
        assertEquals(200, get("/q/health/ready"));
        // this machine (Linux x86_64) loads the native transport; elsewhere the relay falls back to NIO
        assertTrue(body("/q/health/ready").contains("\"transport\": \"epoll\""));
        assertTrue(body("/q/metrics").contains("media_relay_native_transport 1.0"));

        try (CallPeers kept = new CallPeers(relay, "kept-")) {
            int relayForB = Sdp.parse(relay.offer(OfferRequest.newBuilder().setCallId(kept.callId).setFromTag("a")
                    .setSdp(kept.a()).build()).getRewritten().getSdp()).media().get(0).port();
            int relayForA = Sdp.parse(relay.answer(AnswerRequest.newBuilder().setCallId(kept.callId).setFromTag("a")
                    .setToTag("b").setSdp(kept.b()).build()).getRewritten().getSdp()).media().get(0).port();
            assertTrue(relay.offer(offer("first")).hasRewritten());
            assertEquals(503, get("/q/health/ready"), "no free pair left: not ready");
            assertEquals(Status.Code.RESOURCE_EXHAUSTED, failure("second"));

            assertTrue(relay.delete(DeleteRequest.newBuilder().setCallId("first").build()).getFound());
            assertEquals(Status.Code.RESOURCE_EXHAUSTED, failure("third"), "released pairs rest in quarantine");
            String metrics = body("/q/metrics");
            assertTrue(metrics.contains("media_relay_ports_quarantined 4.0"), metrics);
            assertTrue(metrics.contains("media_relay_sessions 1.0"), metrics);

            HttpResponse<Void> drain = http.send(HttpRequest.newBuilder(base.resolve("/relay/drain"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
            assertEquals(202, drain.statusCode());
            assertEquals(Status.Code.UNAVAILABLE, failure("fourth"));
            assertTrue(body("/q/health/ready").contains("\"draining\": true"));

            byte[] media = UdpPeer.rtp(0, 1, 160, 0xA);
            kept.aRtp.send(media, relayForA);
            MediaRelayServiceTest.assertRelayed(media, kept.bRtp.receive(2000), relayForB);
        }
    }
}
