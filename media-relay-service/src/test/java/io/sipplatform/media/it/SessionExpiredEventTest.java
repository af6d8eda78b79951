package io.sipplatform.media.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.grpc.Channel;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.sipplatform.proto.media.v1.MediaRelayGrpc;
import io.sipplatform.proto.media.v1.QueryRequest;
import io.sipplatform.proto.media.v1.StreamStats;
import io.sipplatform.proto.media.v1.WatchEventsResponse;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/**
 * A call whose BYE was lost and that no subscriber ended: the relay ends it after the media timeout (400 ms here) plus
 * the expiry (300 ms here) and streams session_expired with the final statistics and the teardown context.
 */
@QuarkusTest
@TestProfile(SessionExpiredEventTest.ShortExpiry.class)
class SessionExpiredEventTest {
    private static final ByteString TEARDOWN = ByteString.copyFromUtf8("dialog:caller+callee");

    /** Sessions expire 300 ms after their media timeout. */
    public static final class ShortExpiry implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("media.session-expiry", "300ms");
        }
    }

    @GrpcClient("relay")
    MediaRelayGrpc.MediaRelayBlockingStub relay;

    @GrpcClient("relay")
    Channel channel;

    @TestHTTPResource("/q/metrics")
    URI metrics;

    @Test
    void aSilentCallNobodyDeletesIsEndedByTheRelayWithStatsAndTeardown() throws Exception {
        try (EventWatch watch = new EventWatch(channel, "cdr-1", ""); CallPeers call = new CallPeers(relay, "exp-")) {
            watch.awaitSubscribed(relay);
            int relayForA = call.establish(TEARDOWN);
            call.aRtp.send(UdpPeer.rtp(0, 1, 160, 0xA), relayForA); // then silence
            assertNotNull(call.bRtp.receive(2000), "relayed");

            WatchEventsResponse timeout = watch.next(call.callId, WatchEventsResponse.EventCase.MEDIA_TIMEOUT, 5000);
            assertNotNull(timeout, "media timeout first");
            WatchEventsResponse expired = watch.next(call.callId, WatchEventsResponse.EventCase.SESSION_EXPIRED,
                    5000);
            assertNotNull(expired, "session_expired");
            assertEquals(TEARDOWN, expired.getTeardown());
            assertEquals("relay-test", expired.getRelayId());
            assertEquals("a-tag", expired.getTag());
            StreamStats a = expired.getSessionExpired().getStatsList().stream()
                    .filter(s -> s.getTag().equals("a-tag")).findFirst().orElseThrow();
            assertEquals(1, a.getPackets(), "A's packet is in the final statistics");
            assertEquals(relayForA, a.getLocal().getPort());
            assertFalse(relay.query(QueryRequest.newBuilder().setCallId(call.callId).build()).getFound());

            String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(metrics).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertTrue(body.contains("media_relay_sessions_expired_total 1.0"), body);
        }
    }
}
