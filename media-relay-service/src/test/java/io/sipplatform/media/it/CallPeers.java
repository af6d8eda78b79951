package io.sipplatform.media.it;

import com.google.protobuf.ByteString;
import io.sipplatform.proto.media.v1.DeleteRequest;
import io.sipplatform.proto.media.v1.MediaRelayGrpc;

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
