package io.sipplatform.edge.it;

import com.google.protobuf.Timestamp;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.sipplatform.edge.teardown.CallTeardown;
import io.sipplatform.edge.transport.Transport;
import io.sipplatform.edge.wiring.SipEdge;
import io.sipplatform.proto.cdr.v1.CallEvent;
import io.sipplatform.proto.cdr.v1.EndCause;
import io.sipplatform.proto.cdr.v1.HangupSide;
import io.sipplatform.proto.media.v1.DeleteRequest;
import io.sipplatform.proto.media.v1.MediaTimeout;
import io.sipplatform.proto.media.v1.WatchEventsResponse;
import io.sipplatform.sip.message.HeaderName;
import io.sipplatform.sip.message.SipMessageBuilder;
import io.sipplatform.sip.message.SipRequest;
import io.sipplatform.sip.message.SipResponse;
import io.sipplatform.sip.message.SipStatus;
import jakarta.inject.Inject;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The whole edge in Quarkus over real sockets on 127.0.0.1 with in-process fake routing, CDR and media relay: a PBX
 * calls over TCP, a carrier answers over UDP, both go silent without BYE, and the relay's media-timeout event (with
 * the context the edge gave it) makes the edge send each a BYE (the PBX's on its TCP connection), end the CDR with
 * MEDIA_TIMEOUT and delete the relay session.
 */
@QuarkusTest
class EdgeMediaTimeoutIT {
    static final String SDP = "v=0\r\no=pbx 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
            + "m=audio 4000 RTP/AVP 0\r\n";

    @Inject
    SipEdge edge;

    @Inject
    MeterRegistry meters;

    @AfterEach
    void reset() {
        FakeRouting.relayMedia = false;
        FakeRouting.carriers = List.of();
    }

    double byes(String outcome) {
        var c = meters.find("sip.media.teardown.byes").tag("outcome", outcome).functionCounter();
        return c == null ? 0 : c.count();
    }

    @Test
    void aSilentCallIsEndedWithAByeToEachPartyAndTheCdrEndsWithMediaTimeout() throws Exception {
        Awaitility.await("the edge subscribed to the relay's events").atMost(Duration.ofSeconds(10))
                .until(() -> FakeMediaRelay.subscribers.stream().anyMatch(s -> s.getGroup().equals("edge")
                        && s.getSubscriberId().equals(edge.replicaId())));
        int tcpPort = edge.transports().listener(Transport.TCP).orElseThrow().bound().getPort();
        double answeredBefore = byes("answered");
        String callId = "call-mt@127.0.0.1";
        try (TcpPeer pbx = new TcpPeer(tcpPort); UdpPeer gw = new UdpPeer()) {
            FakeRouting.carriers = List.of("sip:+4930123456@127.0.0.1:" + gw.port());
            FakeRouting.relayMedia = true;
            pbx.send("""
                    INVITE sip:030123456@sip.example.net SIP/2.0
                    Via: SIP/2.0/TCP 127.0.0.1:PORT;branch=z9hG4bKmt1;rport
                    Max-Forwards: 70
                    From: "PBX" <sip:100@sip.example.net>;tag=pbx
                    To: <sip:030123456@sip.example.net>
                    Call-ID: %s
                    CSeq: 10 INVITE
                    Contact: <sip:100@127.0.0.1:PORT;transport=tcp>
                    Content-Type: application/sdp
                    Content-Length: %d

                    %s""".formatted(callId, SDP.length(), SDP.replace("\r\n", "\n")));
            UdpPeer.Received atGw = gw.receiveSkipping100();
            SipRequest invite = (SipRequest) atGw.message();
            SipResponse ok = (SipResponse) SipMessageBuilder.responseTo(invite, SipStatus.of(200))
                    .toTagIfAbsent("g").copyHeader(invite, HeaderName.RECORD_ROUTE)
                    .addHeader("Contact", "<sip:gw@127.0.0.1:" + gw.port() + ">")
                    .body(SDP.getBytes(StandardCharsets.UTF_8), "application/sdp").build();
            gw.sendRaw(ok.toBytes(), atGw.from());
            assertEquals(200, ((SipResponse) pbx.receiveSkipping100()).statusCode());

            // both phones go silent, nobody sends BYE: the relay reports the media timeout with the context it holds
            FakeMediaRelay.events.onNext(WatchEventsResponse.newBuilder().setRelayId("relay-1").setCallId(callId)
                    .setTag("pbx").setOccurredAt(Timestamp.newBuilder().setSeconds(1_795_000_000))
                    .setMediaTimeout(MediaTimeout.getDefaultInstance())
                    .setTeardown(FakeMediaRelay.teardown.get(callId)).build());

            SipRequest byeToPbx = (SipRequest) pbx.receive();
            assertEquals("BYE", byeToPbx.method().name());
            assertEquals("sip:100@127.0.0.1:" + pbx.port() + ";transport=tcp", byeToPbx.requestUriText());
            assertEquals("TCP", byeToPbx.topVia().transport(), "on the PBX's own connection");
            assertEquals("g", byeToPbx.fromTag());
            assertEquals("pbx", byeToPbx.toTag());
            assertEquals(1, byeToPbx.cseq().number());
            assertEquals(CallTeardown.REASON, byeToPbx.header("Reason"));
            UdpPeer.Received byeAtGw = gw.receive();
            SipRequest byeToGw = (SipRequest) byeAtGw.message();
            assertEquals("BYE", byeToGw.method().name());
            assertEquals("sip:gw@127.0.0.1:" + gw.port(), byeToGw.requestUriText());
            assertEquals("pbx", byeToGw.fromTag());
            assertEquals("g", byeToGw.toTag());
            assertEquals(11, byeToGw.cseq().number(), "one above the PBX's INVITE");

            pbx.sendRaw(SipMessageBuilder.responseTo(byeToPbx, SipStatus.of(200)).build().toBytes());
            gw.sendRaw(SipMessageBuilder.responseTo(byeToGw, SipStatus.of(200)).build().toBytes(), byeAtGw.from());
            Awaitility.await("both BYEs answered").atMost(Duration.ofSeconds(5))
                    .until(() -> byes("answered") - answeredBefore >= 2);

            CallEvent end = Awaitility.await("the CDR end").atMost(Duration.ofSeconds(5))
                    .until(() -> FakeCdr.events.stream().filter(e -> e.getCallId().equals(callId) && e.hasEnd())
                            .findFirst(), java.util.Optional::isPresent).orElseThrow();
            assertEquals(EndCause.END_CAUSE_MEDIA_TIMEOUT, end.getEnd().getCause());
            assertEquals(HangupSide.HANGUP_SIDE_PLATFORM, end.getEnd().getHangupSide());
            assertEquals(4, end.getSequence(), "the sequence of a BYE's end: one end per call at cdr-service");
            DeleteRequest delete = Awaitility.await("the relay delete").atMost(Duration.ofSeconds(5))
                    .until(() -> FakeMediaRelay.deletes.stream().filter(d -> d.getCallId().equals(callId))
                            .findFirst(), java.util.Optional::isPresent).orElseThrow();
            assertEquals("pbx", delete.getFromTag());
            assertEquals("g", delete.getToTag());
            Awaitility.await("the relay's statistics reach the CDR as after a BYE").atMost(Duration.ofSeconds(5))
                    .until(() -> FakeCdr.events.stream().anyMatch(e -> e.getCallId().equals(callId)
                            && e.hasMediaStats()));
        }
    }
}
