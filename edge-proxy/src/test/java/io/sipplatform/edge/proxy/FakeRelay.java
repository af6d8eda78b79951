package io.sipplatform.edge.proxy;

import com.google.protobuf.ByteString;
import io.grpc.Status;
import io.sipplatform.edge.upstream.MediaRelays;
import io.sipplatform.proto.common.v1.SipOutcome;
import io.sipplatform.proto.media.v1.AnswerRequest;
import io.sipplatform.proto.media.v1.AnswerResponse;
import io.sipplatform.proto.media.v1.DeleteRequest;
import io.sipplatform.proto.media.v1.DeleteResponse;
import io.sipplatform.proto.media.v1.OfferRequest;
import io.sipplatform.proto.media.v1.OfferResponse;
import io.sipplatform.proto.media.v1.RewrittenSdp;
import io.sipplatform.proto.media.v1.StreamStats;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A media relay's control API that records what it is asked and answers with fixed SDP: {@link #offerSdp} for
 * offers, {@link #answerSdp} for answers. It can be down (UNAVAILABLE), refuse offers, or hold an answer back.
 */
final class FakeRelay implements MediaRelays.Client {
    final String id;
    /** This relay's calls, in order. */
    final List<String> calls = new ArrayList<>();
    /** The calls of every relay of the test, in order. */
    private final List<String> all;
    String offerSdp = ProxyHarness.RELAY_OFFER;
    String answerSdp = ProxyHarness.RELAY_ANSWER;
    /** Every call fails with this status (e.g. UNAVAILABLE: down or draining), when set. */
    Status.Code failing;
    /** Offers are refused with this SIP outcome (e.g. 488), when non-zero. */
    int refuseOffers;
    /** When set, the offer completes only when the test completes this future. */
    CompletableFuture<OfferResponse> pendingOffer;
    /** When set, the answer completes only when the test completes this future. */
    CompletableFuture<AnswerResponse> pendingAnswer;
    /** The SDP of the latest offer and answer received. */
    String lastOffer;
    String lastAnswer;
    /** The teardown context the relay holds for its session (the latest non-empty one, as media_relay.proto says). */
    byte[] teardown = new byte[0];
    /** Offers and answers that carried a teardown context. */
    int teardowns;

    FakeRelay(String id, List<String> all) {
        this.id = id;
        this.all = all;
    }

    static AnswerResponse answered(String sdp) {
        return AnswerResponse.newBuilder().setRewritten(rewritten(sdp)).build();
    }

    private static RewrittenSdp rewritten(String sdp) {
        return RewrittenSdp.newBuilder().setSdp(ByteString.copyFrom(sdp, StandardCharsets.UTF_8)).build();
    }

    private void keep(byte[] context) {
        if (context.length > 0) {
            teardown = context;
            teardowns++;
        }
    }

    private void record(String call) {
        calls.add(call);
        all.add(call);
    }

    private <T> CompletionStage<T> failure() {
        return CompletableFuture.failedFuture(failing.toStatus().asRuntimeException());
    }

    @Override
    public CompletionStage<OfferResponse> offer(OfferRequest r) {
        record("offer " + r.getCallId() + " " + r.getFromTag() + (r.getToTag().isEmpty() ? "" : " " + r.getToTag()));
        if (failing != null) {
            return failure();
        }
        lastOffer = r.getSdp().toStringUtf8();
        keep(r.getTeardown().toByteArray());
        if (refuseOffers != 0) {
            return CompletableFuture.completedFuture(OfferResponse.newBuilder().setRejected(SipOutcome.newBuilder()
                    .setCode(refuseOffers).setReason("No acceptable codec")).build());
        }
        return pendingOffer != null ? pendingOffer
                : CompletableFuture.completedFuture(OfferResponse.newBuilder().setRewritten(rewritten(offerSdp)).build());
    }

    @Override
    public CompletionStage<AnswerResponse> answer(AnswerRequest r) {
        record("answer " + r.getCallId() + " " + r.getFromTag() + " " + r.getToTag());
        if (failing != null) {
            return failure();
        }
        lastAnswer = r.getSdp().toStringUtf8();
        keep(r.getTeardown().toByteArray());
        return pendingAnswer != null ? pendingAnswer : CompletableFuture.completedFuture(answered(answerSdp));
    }

    @Override
    public CompletionStage<DeleteResponse> delete(DeleteRequest r) {
        record("delete " + r.getCallId() + " " + r.getFromTag() + " " + (r.getToTag().isEmpty() ? "null" : r.getToTag()));
        if (failing != null) {
            return failure();
        }
        return CompletableFuture.completedFuture(DeleteResponse.newBuilder().setFound(true)
                .addStreams(StreamStats.newBuilder().setTag(r.getFromTag()).setMediaType("audio").setCodec("PCMU")
                        .setPackets(150).setBytes(25800).setPacketsLost(2))
                .addStreams(StreamStats.newBuilder().setTag("other").setMediaType("audio").setCodec("PCMU")
                        .setPackets(149).setBytes(25628))
                .build());
    }
}
