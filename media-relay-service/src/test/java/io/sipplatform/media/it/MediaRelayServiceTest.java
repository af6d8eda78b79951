package io.sipplatform.media.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;
import io.sipplatform.proto.media.v1.AnswerRequest;
import io.sipplatform.proto.media.v1.AnswerResponse;
import io.sipplatform.proto.media.v1.DeleteRequest;
import io.sipplatform.proto.media.v1.DeleteResponse;
import io.sipplatform.proto.media.v1.MediaFlags;
import io.sipplatform.proto.media.v1.MediaRelayGrpc;
import io.sipplatform.proto.media.v1.OfferRequest;
import io.sipplatform.proto.media.v1.OfferResponse;
import io.sipplatform.proto.media.v1.QueryRequest;
import io.sipplatform.proto.media.v1.QueryResponse;
import io.sipplatform.proto.media.v1.StreamStats;
import io.sipplatform.proto.media.v1.WatchEventsRequest;
import io.sipplatform.proto.media.v1.WatchEventsResponse;
import io.sipplatform.sip.sdp.Direction;
import io.sipplatform.sip.sdp.MediaDescription;
import io.sipplatform.sip.sdp.SessionDescription;
import org.junit.jupiter.api.Test;

import java.net.DatagramPacket;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** The control API and the media plane together: real UDP on 127.0.0.1, one relay, several calls. */
@QuarkusTest
class MediaRelayServiceTest {
    private static final int WAIT_MS = 2000;
    private static final int SILENCE_MS = 300;

    @GrpcClient("relay")
    MediaRelayGrpc.MediaRelayBlockingStub relay;

    @GrpcClient("relay")
    io.grpc.Channel channel;

    /** One call: caller A and callee B, each with an RTP and an RTCP socket. */
    final class Call extends CallPeers {
        int relayForA;
        int relayForB;

        Call() {
            super(relay, "call-");
        }

        Call establish(MediaFlags flags) {
            OfferResponse offer = offer("a-tag", "", aRtp, aRtcp, flags);
            relayForB = audio(offer.getRewritten().getSdp()).port();
            AnswerResponse answer = answer("b-tag", bRtp, bRtcp);
            relayForA = audio(answer.getRewritten().getSdp()).port();
            return this;
        }

        OfferResponse offer(String from, String to, UdpPeer rtp, UdpPeer rtcp, MediaFlags flags) {
            return relay.offer(OfferRequest.newBuilder().setCallId(callId).setFromTag(from).setToTag(to)
                    .setSdp(Sdp.audio(rtp.port(), rtcp.port())).setFlags(flags).build());
        }

        AnswerResponse answer(String toTag, UdpPeer rtp, UdpPeer rtcp) {
            return relay.answer(AnswerRequest.newBuilder().setCallId(callId).setFromTag("a-tag").setToTag(toTag)
                    .setSdp(Sdp.audio(rtp.port(), rtcp.port())).build());
        }

        /** The statistics of party {@code tag} as Query reports them now. */
        StreamStats queried(String tag) {
            return side(relay.query(QueryRequest.newBuilder().setCallId(callId).build()).getStreamsList(), tag);
        }

        StreamStats side(List<StreamStats> stats, String tag) {
            return stats.stream().filter(s -> s.getTag().equals(tag)).findFirst().orElseThrow();
        }
    }

    static MediaDescription audio(com.google.protobuf.ByteString body) {
        return Sdp.parse(body).media().get(0);
    }

    static void assertRelayed(byte[] sent, DatagramPacket received, int fromRelayPort) {
        assertNotNull(received, "nothing relayed");
        assertArrayEquals(sent, UdpPeer.bytes(received));
        assertEquals(fromRelayPort, received.getPort());
    }

    @Test
    void offerAndAnswerAreRewrittenToTheRelay() {
        try (Call call = new Call()) {
            OfferResponse offer = call.offer("a-tag", "", call.aRtp, call.aRtcp,
                    MediaFlags.newBuilder().setStripIce(true).build());
            assertTrue(offer.hasRewritten());
            SessionDescription sdp = Sdp.parse(offer.getRewritten().getSdp());
            MediaDescription m = sdp.media().get(0);
            assertEquals("127.0.0.1", sdp.connection().host());
            assertEquals(0, m.port() % 2);
            assertEquals(m.port() + 1, m.rtcp().port());
            assertEquals(1, m.cryptos().size());
            assertEquals("relay-test", offer.getRewritten().getRelayId());
            assertEquals(m.port(), offer.getRewritten().getStreams(0).getRtp().getPort());

            AnswerResponse answer = call.answer("b-tag", call.bRtp, call.bRtcp);
            int forA = audio(answer.getRewritten().getSdp()).port();
            assertTrue(forA != m.port() && forA % 2 == 0);
        }
    }

    @Test
    void rtpFlowsBothWaysUntouchedThroughTheRelayPorts() {
        try (Call call = new Call().establish(MediaFlags.getDefaultInstance())) {
            for (int seq = 1; seq <= 5; seq++) {
                byte[] fromA = UdpPeer.rtp(0, seq, 160L * seq, 0xA);
                call.aRtp.send(fromA, call.relayForA);
                assertRelayed(fromA, call.bRtp.receive(WAIT_MS), call.relayForB);
            }
            byte[] fromB = UdpPeer.rtp(8, 77, 1234, 0xB);
            call.bRtp.send(fromB, call.relayForB);
            assertRelayed(fromB, call.aRtp.receive(WAIT_MS), call.relayForA);

            DeleteResponse deleted = relay.delete(DeleteRequest.newBuilder().setCallId(call.callId)
                    .setFromTag("a-tag").build());
            assertTrue(deleted.getFound());
            StreamStats a = call.side(deleted.getStreamsList(), "a-tag");
            StreamStats b = call.side(deleted.getStreamsList(), "b-tag");
            assertEquals(5, a.getPackets());
            assertEquals(5 * 172, a.getBytes());
            assertEquals(0, a.getPacketsLost());
            assertEquals("PCMU", a.getCodec());
            assertTrue(a.getMos() > 4.0);
            assertEquals(1, b.getPackets());
            assertEquals("PCMA", b.getCodec());
            assertFalse(relay.delete(DeleteRequest.newBuilder().setCallId(call.callId).build()).getFound());
        }
    }

    @Test
    void sequenceGapsAreReportedAsLoss() {
        try (Call call = new Call().establish(MediaFlags.getDefaultInstance())) {
            for (int seq : new int[] {1, 2, 4, 5, 8}) {
                call.aRtp.send(UdpPeer.rtp(0, seq, 160L * seq, 0xA), call.relayForA);
                assertNotNull(call.bRtp.receive(WAIT_MS));
            }
            QueryResponse q = relay.query(QueryRequest.newBuilder().setCallId(call.callId).build());
            assertTrue(q.getFound());
            assertEquals(3, call.side(q.getStreamsList(), "a-tag").getPacketsLost());
        }
    }

    @Test
    void relayLatchesOntoTheSourceWhenItDiffersFromTheSignalledPort() {
        try (Call call = new Call().establish(MediaFlags.getDefaultInstance()); UdpPeer natted = new UdpPeer()) {
            byte[] fromA = UdpPeer.rtp(0, 1, 160, 0xA);
            natted.send(fromA, call.relayForA);
            assertRelayed(fromA, call.bRtp.receive(WAIT_MS), call.relayForB);

            byte[] fromB = UdpPeer.rtp(0, 1, 160, 0xB);
            call.bRtp.send(fromB, call.relayForB);
            assertRelayed(fromB, natted.receive(WAIT_MS), call.relayForA);
            assertNull(call.aRtp.receive(SILENCE_MS), "the signalled port gets nothing once latched");

            StreamStats a = call.queried("a-tag");
            assertEquals(natted.port(), a.getLatched().getPort());
            assertEquals(call.aRtp.port(), a.getSignalled().getPort());
        }
    }

    @Test
    void signalledOnlyLatchingDropsMediaFromOtherSources() {
        try (Call call = new Call().establish(MediaFlags.newBuilder().setLatchSignalledOnly(true).build());
             UdpPeer stranger = new UdpPeer()) {
            stranger.send(UdpPeer.rtp(0, 1, 160, 0xC), call.relayForA);
            assertNull(call.bRtp.receive(SILENCE_MS));
            byte[] fromA = UdpPeer.rtp(0, 2, 320, 0xA);
            call.aRtp.send(fromA, call.relayForA);
            assertRelayed(fromA, call.bRtp.receive(WAIT_MS), call.relayForB);
            StreamStats a = call.queried("a-tag");
            assertEquals(1, a.getPacketsDropped());
        }
    }

    @Test
    void rtcpIsRelayedBetweenTheOddPortsAndItsReportsAreKept() {
        try (Call call = new Call().establish(MediaFlags.getDefaultInstance())) {
            byte[] report = UdpPeer.receiverReport(0xA, 26);
            call.aRtcp.send(report, call.relayForA + 1);
            assertRelayed(report, call.bRtcp.receive(WAIT_MS), call.relayForB + 1);
            byte[] back = UdpPeer.receiverReport(0xB, 0);
            call.bRtcp.send(back, call.relayForB + 1);
            assertRelayed(back, call.aRtcp.receive(WAIT_MS), call.relayForA + 1);

            StreamStats a = call.queried("a-tag");
            assertEquals(1, a.getRtcp().getReports());
            assertEquals(26, a.getRtcp().getFractionLost());
        }
    }

    @Test
    void roundTripDelayComesFromTheEchoedSenderReport() {
        try (Call call = new Call().establish(MediaFlags.getDefaultInstance())) {
            byte[] sr = UdpPeer.senderReport(0xA, 0x5678ABCD);
            call.aRtcp.send(sr, call.relayForA + 1);
            assertRelayed(sr, call.bRtcp.receive(WAIT_MS), call.relayForB + 1);
            byte[] rr = UdpPeer.receiverReport(0xB, 0, 0x5678ABCD, 0);
            call.bRtcp.send(rr, call.relayForB + 1);
            assertRelayed(rr, call.aRtcp.receive(WAIT_MS), call.relayForA + 1);

            StreamStats b = call.queried("b-tag");
            assertTrue(b.getRtcp().hasRoundTripDelay());
            assertTrue(b.getRtcp().getRoundTripDelay().getSeconds() < 2);
        }
    }

    @Test
    void reInviteMovesMediaToTheNewlySignalledPort() {
        try (Call call = new Call().establish(MediaFlags.getDefaultInstance());
             UdpPeer newRtp = new UdpPeer(); UdpPeer newRtcp = new UdpPeer()) {
            call.aRtp.send(UdpPeer.rtp(0, 1, 160, 0xA), call.relayForA); // A latches on its old port
            assertNotNull(call.bRtp.receive(WAIT_MS));

            OfferResponse reOffer = call.offer("a-tag", "b-tag", newRtp, newRtcp, MediaFlags.getDefaultInstance());
            assertEquals(call.relayForB, audio(reOffer.getRewritten().getSdp()).port());
            AnswerResponse reAnswer = call.answer("b-tag", call.bRtp, call.bRtcp);
            assertEquals(call.relayForA, audio(reAnswer.getRewritten().getSdp()).port());

            byte[] fromB = UdpPeer.rtp(0, 9, 1440, 0xB);
            call.bRtp.send(fromB, call.relayForB);
            assertRelayed(fromB, newRtp.receive(WAIT_MS), call.relayForA);
        }
    }

    // A fax call switches to T.38 by re-INVITE: UDPTL packets are not RTP (their first byte is a sequence number), so
    // they must be relayed as they are, not dropped as malformed RTP.
    @Test
    void aT38ReInviteRelaysUdptlPacketsAsTheyAre() {
        try (Call call = new Call().establish(MediaFlags.getDefaultInstance())) {
            call.aRtp.send(UdpPeer.rtp(0, 1, 160, 0xA), call.relayForA); // the call starts as audio
            assertNotNull(call.bRtp.receive(WAIT_MS));

            OfferResponse reOffer = relay.offer(OfferRequest.newBuilder().setCallId(call.callId).setFromTag("a-tag")
                    .setToTag("b-tag").setSdp(Sdp.t38(call.aRtp.port())).build());
            MediaDescription offered = audio(reOffer.getRewritten().getSdp());
            assertEquals("image", offered.type());
            assertEquals("udptl", offered.proto().toLowerCase(java.util.Locale.ROOT));
            assertEquals(call.relayForB, offered.port());
            AnswerResponse reAnswer = relay.answer(AnswerRequest.newBuilder().setCallId(call.callId)
                    .setFromTag("a-tag").setToTag("b-tag").setSdp(Sdp.t38(call.bRtp.port())).build());
            assertEquals(call.relayForA, audio(reAnswer.getRewritten().getSdp()).port());

            byte[] fromA = {0x00, 0x02, 0x06, (byte) 0x80, 0x00, 0x01, 0x00}; // UDPTL seq 2: a T.30 indicator
            call.aRtp.send(fromA, call.relayForA);
            assertRelayed(fromA, call.bRtp.receive(WAIT_MS), call.relayForB);
            byte[] fromB = {0x00, 0x00, 0x06, (byte) 0xC0, 0x01, (byte) 0x80, 0x00, 0x00};
            call.bRtp.send(fromB, call.relayForB);
            assertRelayed(fromB, call.aRtp.receive(WAIT_MS), call.relayForA);

            DeleteResponse deleted = relay.delete(DeleteRequest.newBuilder().setCallId(call.callId).build());
            StreamStats a = call.side(deleted.getStreamsList(), "a-tag");
            assertEquals(2, a.getPackets(), "one RTP packet, then one UDPTL packet");
            assertEquals(172 + fromA.length, a.getBytes());
            assertEquals(0, a.getPacketsDropped());
            assertEquals(1, call.side(deleted.getStreamsList(), "b-tag").getPackets());
        }
    }

    @Test
    void holdWithTheUnspecifiedAddressStopsMediaToTheHolderUntilResumed() {
        try (Call call = new Call().establish(MediaFlags.getDefaultInstance())) {
            call.aRtp.send(UdpPeer.rtp(0, 1, 160, 0xA), call.relayForA); // A latched
            assertNotNull(call.bRtp.receive(WAIT_MS));

            OfferResponse hold = relay.offer(OfferRequest.newBuilder().setCallId(call.callId).setFromTag("a-tag")
                    .setToTag("b-tag").setSdp(Sdp.hold(call.a())).build());
            SessionDescription toB = Sdp.parse(hold.getRewritten().getSdp());
            assertEquals("127.0.0.1", toB.connection().host(), "the relay stays the media address");
            assertEquals(Direction.SENDONLY, toB.media().get(0).direction());
            call.answer("b-tag", call.bRtp, call.bRtcp);
            call.bRtp.send(UdpPeer.rtp(0, 1, 160, 0xB), call.relayForB);
            assertNull(call.aRtp.receive(SILENCE_MS), "nothing to a party holding with c=0.0.0.0");

            relay.offer(OfferRequest.newBuilder().setCallId(call.callId).setFromTag("a-tag").setToTag("b-tag")
                    .setSdp(call.a()).build());
            call.answer("b-tag", call.bRtp, call.bRtcp);
            byte[] resumed = UdpPeer.rtp(0, 2, 320, 0xB);
            call.bRtp.send(resumed, call.relayForB);
            assertRelayed(resumed, call.aRtp.receive(WAIT_MS), call.relayForA);
            StreamStats b = call.queried("b-tag");
            assertEquals(2, b.getPackets());
        }
    }

    @Test
    void reInviteFromTheCalleeUsesSwappedTags() {
        try (Call call = new Call().establish(MediaFlags.getDefaultInstance());
             UdpPeer newRtp = new UdpPeer(); UdpPeer newRtcp = new UdpPeer()) {
            OfferResponse reOffer = relay.offer(OfferRequest.newBuilder().setCallId(call.callId).setFromTag("b-tag")
                    .setToTag("a-tag").setSdp(Sdp.audio(newRtp.port(), newRtcp.port())).build());
            assertEquals(call.relayForA, audio(reOffer.getRewritten().getSdp()).port());
            AnswerResponse reAnswer = relay.answer(AnswerRequest.newBuilder().setCallId(call.callId)
                    .setFromTag("b-tag").setToTag("a-tag").setSdp(Sdp.audio(call.aRtp.port(), call.aRtcp.port()))
                    .build());
            assertEquals(call.relayForB, audio(reAnswer.getRewritten().getSdp()).port());

            byte[] fromA = UdpPeer.rtp(0, 3, 480, 0xA);
            call.aRtp.send(fromA, call.relayForA);
            assertRelayed(fromA, newRtp.receive(WAIT_MS), call.relayForB);
        }
    }

    @Test
    void forkedAnswersGetBranchesAndTheLatestCarriesTheMedia() {
        try (Call call = new Call().establish(MediaFlags.getDefaultInstance());
             UdpPeer forkRtp = new UdpPeer(); UdpPeer forkRtcp = new UdpPeer()) {
            AnswerResponse second = call.answer("b2-tag", forkRtp, forkRtcp);
            assertEquals(call.relayForA, audio(second.getRewritten().getSdp()).port());

            byte[] fromA = UdpPeer.rtp(0, 1, 160, 0xA);
            call.aRtp.send(fromA, call.relayForA);
            assertRelayed(fromA, forkRtp.receive(WAIT_MS), call.relayForB);
            assertNull(call.bRtp.receive(SILENCE_MS), "the earlier fork is not active");

            DeleteResponse failedFork = relay.delete(DeleteRequest.newBuilder().setCallId(call.callId)
                    .setFromTag("a-tag").setToTag("b2-tag").build());
            assertTrue(failedFork.getFound());
            assertEquals(List.of("b2-tag"), failedFork.getStreamsList().stream().map(StreamStats::getTag).toList());

            byte[] again = UdpPeer.rtp(0, 2, 320, 0xA);
            call.aRtp.send(again, call.relayForA);
            assertRelayed(again, call.bRtp.receive(WAIT_MS), call.relayForB);
        }
    }

    @Test
    void mediaTimeoutAndFirstPacketArriveAsEvents() throws InterruptedException {
        BlockingQueue<WatchEventsResponse> received = new LinkedBlockingQueue<>();
        WatchEventsRequest watch = WatchEventsRequest.newBuilder().setSubscriberId("test").build();
        MediaRelayGrpc.newStub(channel).watchEvents(watch, new StreamObserver<>() {
            @Override
            public void onNext(WatchEventsResponse value) {
                received.add(value);
            }

            @Override
            public void onError(Throwable t) {
            }

            @Override
            public void onCompleted() {
            }
        });
        try (Call call = new Call()) {
            // the subscription is asynchronous: wait until it sees events of a probe call
            WatchEventsResponse first = null;
            call.establish(MediaFlags.getDefaultInstance());
            for (int seq = 1; first == null && seq < 50; seq++) {
                call.aRtp.send(UdpPeer.rtp(0, seq, 160L * seq, 0xA), call.relayForA);
                assertNotNull(call.bRtp.receive(WAIT_MS));
                first = next(received, call.callId, WatchEventsResponse.EventCase.FIRST_PACKET, 100);
            }
            assertNotNull(first, "first-packet event");
            assertEquals("a-tag", first.getTag());
            assertEquals(call.aRtp.port(), first.getFirstPacket().getSource().getPort());
            assertTrue(first.getFirstPacket().getFromSignalledAddress());

            WatchEventsResponse timeout = next(received, call.callId, WatchEventsResponse.EventCase.MEDIA_TIMEOUT,
                    5000);
            assertNotNull(timeout, "media-timeout event");
            assertTrue(timeout.getMediaTimeout().getIdle().getNanos() >= 400_000_000
                    || timeout.getMediaTimeout().getIdle().getSeconds() > 0);
        }
    }

    private static WatchEventsResponse next(BlockingQueue<WatchEventsResponse> queue, String callId,
                                            WatchEventsResponse.EventCase kind, long millis)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (true) {
            long left = deadline - System.nanoTime();
            WatchEventsResponse e = left <= 0 ? null : queue.poll(left, TimeUnit.NANOSECONDS);
            if (e == null) {
                return null;
            }
            if (e.getCallId().equals(callId) && e.getEventCase() == kind) {
                return e;
            }
        }
    }

    @Test
    void malformedSdpIsRejectedWith400() {
        OfferResponse r = relay.offer(OfferRequest.newBuilder().setCallId("bad-" + UUID.randomUUID())
                .setFromTag("a").setSdp(com.google.protobuf.ByteString.copyFromUtf8("hello")).build());
        assertEquals(400, r.getRejected().getCode());
    }

    @Test
    void noCommonCodecIsRejectedWith488() {
        try (Call call = new Call()) {
            OfferResponse r = call.offer("a-tag", "", call.aRtp, call.aRtcp,
                    MediaFlags.newBuilder().addCodecAllow("opus").build());
            assertEquals(488, r.getRejected().getCode());
            assertFalse(relay.query(QueryRequest.newBuilder().setCallId(call.callId).build()).getFound());
        }
    }

    @Test
    void answerWithoutOfferIsRejectedWith481() {
        AnswerResponse r = relay.answer(AnswerRequest.newBuilder().setCallId("none-" + UUID.randomUUID())
                .setFromTag("a").setToTag("b").setSdp(Sdp.audio(4000, 4001)).build());
        assertEquals(481, r.getRejected().getCode());
    }
}
