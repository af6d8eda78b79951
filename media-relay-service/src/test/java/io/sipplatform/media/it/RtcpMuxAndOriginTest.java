package io.sipplatform.media.it;

import static io.sipplatform.media.it.MediaRelayServiceTest.assertRelayed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;
import io.sipplatform.proto.media.v1.AnswerRequest;
import io.sipplatform.proto.media.v1.MediaFlags;
import io.sipplatform.proto.media.v1.MediaRelayGrpc;
import io.sipplatform.proto.media.v1.OfferRequest;
import io.sipplatform.proto.media.v1.RewrittenSdp;
import io.sipplatform.proto.media.v1.RtcpMux;
import io.sipplatform.sip.sdp.MediaDescription;
import io.sipplatform.sip.sdp.SessionDescription;
import org.junit.jupiter.api.Test;

/**
 * rtcp-mux (RFC 5761, RFC 8035) between a muxing and a non-muxing party, and the o= line the relay writes (topology
 * hiding, RFC 3264 §8 versions). Real UDP on 127.0.0.1.
 */
@QuarkusTest
class RtcpMuxAndOriginTest {
    private static final int WAIT_MS = 2000;
    private static final int SILENCE_MS = 300;

    @GrpcClient("relay")
    MediaRelayGrpc.MediaRelayBlockingStub relay;

    /** One call whose offer and answer bodies the test chooses; parties have an RTP and an RTCP socket each. */
    final class Call extends CallPeers {
        MediaDescription towardB;
        MediaDescription towardA;

        Call() {
            super(relay, "mux-");
        }

        Call establish(ByteString offer, ByteString answer, RtcpMux mode) {
            towardB = audio(offer("", offer, mode));
            towardA = audio(answer(answer));
            return this;
        }

        RewrittenSdp offer(String toTag, ByteString body, RtcpMux mode) {
            return relay.offer(OfferRequest.newBuilder().setCallId(callId).setFromTag("a-tag").setToTag(toTag)
                    .setSdp(body).setFlags(MediaFlags.newBuilder().setRtcpMux(mode)).build()).getRewritten();
        }

        RewrittenSdp answer(ByteString body) {
            return relay.answer(AnswerRequest.newBuilder().setCallId(callId).setFromTag("a-tag").setToTag("b-tag")
                    .setSdp(body).build()).getRewritten();
        }
    }

    static MediaDescription audio(RewrittenSdp rewritten) {
        return Sdp.parse(rewritten.getSdp()).media().get(0);
    }

    @Test
    void demuxBridgesAMuxingCallerAndACalleeWithSeparateRtcp() {
        try (Call call = new Call()) {
            call.establish(Sdp.muxed(call.a()), call.b(), RtcpMux.RTCP_MUX_DEMUX);
            assertFalse(call.towardB.rtcpMux(), "demux: the callee is offered separate RTCP");
            assertEquals(call.towardB.port() + 1, call.towardB.rtcp().port());
            assertTrue(call.towardA.rtcpMux(), "the relay accepts the caller's mux itself");
            assertEquals(call.towardA.port(), call.towardA.rtcp().port());

            byte[] report = UdpPeer.receiverReport(0xA, 10); // muxed: on A's RTP flow
            call.aRtp.send(report, call.towardA.port());
            assertRelayed(report, call.bRtcp.receive(WAIT_MS), call.towardB.port() + 1);
            byte[] back = UdpPeer.receiverReport(0xB, 20);
            call.bRtcp.send(back, call.towardB.port() + 1);
            assertRelayed(back, call.aRtp.receive(WAIT_MS), call.towardA.port());
            assertNull(call.aRtcp.receive(SILENCE_MS), "nothing on the muxing caller's RTCP port");

            byte[] media = UdpPeer.rtp(0, 1, 160, 0xA);
            call.aRtp.send(media, call.towardA.port());
            assertRelayed(media, call.bRtp.receive(WAIT_MS), call.towardB.port());
        }
    }

    @Test
    void bothSidesMuxingKeepRtcpOnTheRtpPorts() {
        try (Call call = new Call()) {
            call.establish(Sdp.muxed(call.a()), Sdp.muxed(call.b()), RtcpMux.RTCP_MUX_PRESERVE);
            assertTrue(call.towardB.rtcpMux());
            assertEquals(call.towardB.port() + 1, call.towardB.rtcp().port(), "fallback port in the offer");
            assertTrue(call.towardA.rtcpMux());
            assertEquals(call.towardA.port(), call.towardA.rtcp().port(), "no separate RTCP port in the answer");

            byte[] report = UdpPeer.receiverReport(0xA, 10);
            call.aRtp.send(report, call.towardA.port());
            assertRelayed(report, call.bRtp.receive(WAIT_MS), call.towardB.port());
            byte[] back = UdpPeer.receiverReport(0xB, 20);
            call.bRtp.send(back, call.towardB.port());
            assertRelayed(back, call.aRtp.receive(WAIT_MS), call.towardA.port());
        }
    }

    @Test
    void offeredMuxIsNeverAnsweredToACallerThatDidNotOfferIt() {
        try (Call call = new Call()) {
            call.establish(call.a(), Sdp.muxed(call.b()), RtcpMux.RTCP_MUX_OFFER);
            assertTrue(call.towardB.rtcpMux(), "offer: mux is offered to the callee");
            assertFalse(call.towardA.rtcpMux(), "RFC 8035: no mux in an answer to an offer without it");
            assertEquals(call.towardA.port() + 1, call.towardA.rtcp().port());

            byte[] back = UdpPeer.receiverReport(0xB, 20); // muxed callee
            call.bRtp.send(back, call.towardB.port());
            assertRelayed(back, call.aRtcp.receive(WAIT_MS), call.towardA.port() + 1);
            byte[] report = UdpPeer.receiverReport(0xA, 10);
            call.aRtcp.send(report, call.towardA.port() + 1);
            assertRelayed(report, call.bRtp.receive(WAIT_MS), call.towardB.port());
        }
    }

    @Test
    void preservedMuxDeclinedByTheCalleeSendsTheCallerRtcpToItsRtcpPort() {
        try (Call call = new Call()) {
            call.establish(Sdp.muxed(call.a()), call.b(), RtcpMux.RTCP_MUX_PRESERVE);
            assertTrue(call.towardB.rtcpMux());
            assertFalse(call.towardA.rtcpMux(), "preserve: the callee's refusal reaches the caller");

            byte[] back = UdpPeer.receiverReport(0xB, 20);
            call.bRtcp.send(back, call.towardB.port() + 1);
            assertRelayed(back, call.aRtcp.receive(WAIT_MS), call.towardA.port() + 1);
        }
    }

    @Test
    void originNamesTheRelayAndItsVersionMovesOnlyWhenTheRewrittenSdpChanges() {
        try (Call call = new Call()) {
            ByteString offer = Sdp.origin(call.a(), "192.0.2.10", 5);
            RewrittenSdp first = call.offer("", offer, RtcpMux.RTCP_MUX_UNSPECIFIED);
            SessionDescription sdp = Sdp.parse(first.getSdp());
            assertEquals("127.0.0.1", sdp.origin().unicastAddress());
            assertEquals("5", sdp.origin().sessionVersion());
            assertEquals("alice", sdp.origin().username());
            assertFalse(first.getSdp().toStringUtf8().contains("192.0.2.10"), "no trace of the caller's address");

            SessionDescription answer = Sdp.parse(call.answer(Sdp.origin(call.b(), "198.51.100.7", 9)).getSdp());
            assertEquals("127.0.0.1", answer.origin().unicastAddress());
            assertEquals("9", answer.origin().sessionVersion());

            // RFC 3264 §8: a re-offer that rewrites to the same SDP keeps the version, even if the caller's moved
            try (UdpPeer moved = new UdpPeer(); UdpPeer movedRtcp = new UdpPeer()) {
                ByteString samePortsForB = Sdp.origin(Sdp.audio(moved.port(), movedRtcp.port()), "192.0.2.10", 6);
                assertEquals("5", Sdp.parse(call.offer("b-tag", samePortsForB, RtcpMux.RTCP_MUX_UNSPECIFIED)
                        .getSdp()).origin().sessionVersion());
                ByteString codecChange = Sdp.pcmuOnly(Sdp.origin(call.a(), "192.0.2.10", 7));
                assertEquals("6", Sdp.parse(call.offer("b-tag", codecChange, RtcpMux.RTCP_MUX_UNSPECIFIED)
                        .getSdp()).origin().sessionVersion());
                assertEquals("6", Sdp.parse(call.offer("b-tag", codecChange, RtcpMux.RTCP_MUX_UNSPECIFIED)
                        .getSdp()).origin().sessionVersion(), "unchanged re-offer");
            }
        }
    }
}
