package io.sipplatform.media.it;

import com.google.protobuf.ByteString;
import io.sipplatform.proto.media.v1.AnswerRequest;
import io.sipplatform.proto.media.v1.AnswerResponse;
import io.sipplatform.proto.media.v1.DeleteRequest;
import io.sipplatform.proto.media.v1.MediaRelayGrpc;
import io.sipplatform.proto.media.v1.OfferRequest;

import java.util.UUID;

/** The media sockets of one test call: caller A and callee B, each with an RTP and an RTCP socket on 127.0.0.1. */
class CallPeers implements AutoCloseable {
    final String callId;
    final UdpPeer aRtp = new UdpPeer();
    final UdpPeer aRtcp = new UdpPeer();
    final UdpPeer bRtp = new UdpPeer();
    final UdpPeer bRtcp = new UdpPeer();
    private final MediaRelayGrpc.MediaRelayBlockingStub relay;

    CallPeers(MediaRelayGrpc.MediaRelayBlockingStub relay, String prefix) {
        this.relay = relay;
        this.callId = prefix + UUID.randomUUID();
    }

    /** A's SDP: RTP and RTCP on its own sockets. */
    ByteString a() {
        return Sdp.audio(aRtp.port(), aRtcp.port());
    }

    /** B's SDP: RTP and RTCP on its own sockets. */
    ByteString b() {
        return Sdp.audio(bRtp.port(), bRtcp.port());
    }

    /**
     * Offer from A (tag a-tag) and answer from B (tag b-tag) carrying {@code teardown}; returns the relay port that
     * A sends RTP to.
     */
    int establish(ByteString teardown) {
        relay.offer(OfferRequest.newBuilder().setCallId(callId).setFromTag("a-tag").setSdp(a()).build());
        AnswerResponse answer = relay.answer(AnswerRequest.newBuilder().setCallId(callId).setFromTag("a-tag")
                .setToTag("b-tag").setSdp(b()).setTeardown(teardown).build());
        return Sdp.parse(answer.getRewritten().getSdp()).media().get(0).port();
    }

    /** Deletes the session and closes the sockets. */
    @Override
    public void close() {
        relay.delete(DeleteRequest.newBuilder().setCallId(callId).build());
        aRtp.close();
        aRtcp.close();
        bRtp.close();
        bRtcp.close();
    }
}
