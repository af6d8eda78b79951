package io.sipplatform.media.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.grpc.Channel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;
import io.sipplatform.proto.media.v1.AnswerRequest;
import io.sipplatform.proto.media.v1.MediaRelayGrpc;
import io.sipplatform.proto.media.v1.OfferRequest;
import io.sipplatform.proto.media.v1.QueryRequest;
import io.sipplatform.proto.media.v1.WatchEventsResponse;
import org.junit.jupiter.api.Test;

/**
 * The edge's teardown context: kept with the session (latest non-empty wins) and handed back with the media-timeout
 * event, so that whichever edge replica hears it can send BYE to both parties.
 */
@QuarkusTest
class TeardownContextTest {
    private static final ByteString CALLER_ONLY = ByteString.copyFromUtf8("dialog:caller");
    private static final ByteString BOTH_PARTIES = ByteString.copyFromUtf8("dialog:caller+callee");

    @GrpcClient("relay")
    MediaRelayGrpc.MediaRelayBlockingStub relay;

    @GrpcClient("relay")
    Channel channel;

    private OfferRequest.Builder offer(CallPeers call) {
        return OfferRequest.newBuilder().setCallId(call.callId).setFromTag("a-tag").setSdp(call.a());
    }

    private AnswerRequest.Builder answer(CallPeers call) {
        return AnswerRequest.newBuilder().setCallId(call.callId).setFromTag("a-tag").setToTag("b-tag")
                .setSdp(call.b());
    }

    @Test
    void mediaTimeoutCarriesTheLatestNonEmptyTeardown() throws InterruptedException {
        try (EventWatch watch = new EventWatch(channel, "edge-1", ""); CallPeers call = new CallPeers(relay, "td-")) {
            watch.awaitSubscribed(relay);
            relay.offer(offer(call).setTeardown(CALLER_ONLY).build());
            relay.answer(answer(call).setTeardown(BOTH_PARTIES).build());
            // a re-INVITE whose edge sends no context keeps the one the session has
            relay.offer(offer(call).setToTag("b-tag").build());
            relay.answer(answer(call).build());

            WatchEventsResponse timeout = watch.next(call.callId, WatchEventsResponse.EventCase.MEDIA_TIMEOUT, 5000);
            assertNotNull(timeout, "media-timeout event");
            assertEquals(BOTH_PARTIES, timeout.getTeardown());
        }
    }

    @Test
    void teardownOfExactly4096BytesIsKept() {
        try (CallPeers call = new CallPeers(relay, "td-")) {
            assertTrue(relay.offer(offer(call).setTeardown(ByteString.copyFrom(new byte[4096])).build())
                    .hasRewritten());
        }
    }

    @Test
    void teardownAbove4096BytesIsInvalidArgumentAndCreatesNoSession() {
        try (CallPeers call = new CallPeers(relay, "td-")) {
            ByteString big = ByteString.copyFrom(new byte[4097]);
            StatusRuntimeException offer = assertThrows(StatusRuntimeException.class,
                    () -> relay.offer(offer(call).setTeardown(big).build()));
            assertEquals(Status.Code.INVALID_ARGUMENT, offer.getStatus().getCode());
            assertEquals("teardown is 4097 bytes, at most 4096 allowed", offer.getStatus().getDescription());
            assertTrue(!relay.query(QueryRequest.newBuilder().setCallId(call.callId).build()).getFound());

            relay.offer(offer(call).build());
            StatusRuntimeException answer = assertThrows(StatusRuntimeException.class,
                    () -> relay.answer(answer(call).setTeardown(big).build()));
            assertEquals(Status.Code.INVALID_ARGUMENT, answer.getStatus().getCode());
        }
    }
}
