package io.sipplatform.edge.proxy;

import io.grpc.Status;
import io.sipplatform.sip.message.HeaderName;
import io.sipplatform.sip.message.SipMessageBuilder;
import io.sipplatform.sip.message.SipRequest;
import io.sipplatform.sip.message.SipResponse;
import io.sipplatform.sip.message.SipStatus;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Media anchoring for the whole dialog (RFC 3264 offer/answer in re-INVITE, UPDATE, and 2xx/ACK of an offerless
 * re-INVITE) and the choice between relays: the relay chosen at the INVITE serves the call on every replica.
 */
class DialogMediaTest extends ProxyHarness {
    static final String CALLER_SDP = "v=0\r\no=pbx 1 1 IN IP4 10.0.0.5\r\ns=-\r\nc=IN IP4 10.0.0.5\r\nt=0 0\r\n"
            + "m=audio 4000 RTP/AVP 0\r\n";
    static final String HOLD_SDP = "v=0\r\no=pbx 1 2 IN IP4 10.0.0.5\r\ns=-\r\nc=IN IP4 10.0.0.5\r\nt=0 0\r\n"
            + "m=audio 4000 RTP/AVP 0\r\na=sendonly\r\n";
    static final String CALLEE_SDP = "v=0\r\no=gw 1 1 IN IP4 198.51.100.1\r\ns=-\r\nc=IN IP4 198.51.100.1\r\n"
            + "t=0 0\r\nm=audio 8000 RTP/AVP 0\r\n";
    static final String RELAY_REOFFER = "v=0\r\no=relay 1 2 IN IP4 203.0.113.9\r\ns=-\r\nc=IN IP4 203.0.113.9\r\n"
            + "t=0 0\r\nm=audio 30000 RTP/AVP 0\r\na=sendonly\r\n";
    static final String RELAY_REANSWER = "v=0\r\no=relay 1 2 IN IP4 203.0.113.9\r\ns=-\r\nc=IN IP4 203.0.113.9\r\n"
            + "t=0 0\r\nm=audio 30002 RTP/AVP 0\r\na=recvonly\r\n";

    /** {@link #INVITE} as a new call (its own Call-ID and branch). */
    static String invite(String callId) {
        return INVITE.replace("call-1@", callId + "@").replace("z9hG4bKpbx1", "z9hG4bK" + callId);
    }

    static SipResponse withBody(SipRequest to, int code, String sdp) {
        return (SipResponse) SipMessageBuilder.responseTo(to, SipStatus.of(code)).toTagIfAbsent("gw")
                .body(sdp.getBytes(StandardCharsets.UTF_8), "application/sdp").build();
    }

    static String body(io.sipplatform.sip.message.SipMessage m) {
        return new String(m.body(), StandardCharsets.UTF_8);
    }

    SipResponse lastResponseTo(java.net.InetSocketAddress addr) {
        List<Sent> s = sentTo(addr).stream().filter(x -> !x.message().isRequest()).toList();
        return (SipResponse) s.get(s.size() - 1).message();
    }

    /** An answered call with anchored media; the Record-Route the carrier got. */
    String anchoredCall() {
        Decision.Proxy base = (Decision.Proxy) twoCarriers();
        nextDecision = new Decision.Proxy(base.decisionId(), base.groups(), base.addHeaders(), base.removeHeaders(),
                base.context(), null, true);
        fromPbx(withSdp(INVITE, CALLER_SDP));
        SipRequest toGw1 = lastRequestTo(GW1);
        from(GW1, withBody(toGw1, 200, CALLEE_SDP));
        assertEquals(RELAY_ANSWER, body(lastResponseTo(PBX)));
        relay1.offerSdp = RELAY_REOFFER;
        relay1.answerSdp = RELAY_REANSWER;
        relay2.offerSdp = RELAY_REOFFER;
        relay2.answerSdp = RELAY_REANSWER;
        mediaCalls.clear();
        return toGw1.header(HeaderName.RECORD_ROUTE);
    }

    @Test
    void aHoldReInviteFromTheCallerIsReofferedAtTheRelayAndTheAnswerIn2xxIsRewritten() {
        String rr = anchoredCall();
        fromPbx(withSdp(fromCaller("INVITE", 3, "z9hG4bKhold", rr), HOLD_SDP));
        SipRequest reInvite = lastRequestTo(GW1);
        assertEquals("INVITE", reInvite.method().name());
        assertEquals(RELAY_REOFFER, body(reInvite), "the carrier gets the relay's re-offer, not the PBX's address");
        assertEquals(HOLD_SDP, relay1.lastOffer);
        SipResponse ok = withBody(reInvite, 200, CALLEE_SDP.replace("RTP/AVP 0\r\n", "RTP/AVP 0\r\na=recvonly\r\n"));
        from(GW1, ok);
        assertEquals(200, lastResponseTo(PBX).statusCode());
        assertEquals(RELAY_REANSWER, body(lastResponseTo(PBX)), "the PBX gets the relay's answer");
        from(GW1, ok); // RFC 3261 §13.3.1.4: the callee retransmits its 2xx until the ACK
        assertEquals(RELAY_REANSWER, body(lastResponseTo(PBX)), "the retransmission carries the same SDP");
        assertEquals(List.of("offer call-1@192.0.2.10 pbx gw", "answer call-1@192.0.2.10 pbx gw"), mediaCalls,
                "the relay is asked once per answer, at the relay holding the call");
    }

    @Test
    void aReInviteFromTheCalleeReachesTheRelayWithTheTagsSwapped() {
        String rr = anchoredCall();
        from(GW1, parse(withSdp(fromCallee("INVITE", 7, "z9hG4bKgwreinv", rr), CALLEE_SDP.replace("8000", "8100"))));
        SipRequest toPbx = lastRequestTo(PBX);
        assertEquals("INVITE", toPbx.method().name());
        assertEquals(RELAY_REOFFER, body(toPbx));
        from(PBX, withBody(toPbx, 200, CALLER_SDP));
        assertEquals(RELAY_REANSWER, body(lastResponseTo(GW1)), "the carrier gets the relay's answer");
        assertEquals(List.of("offer call-1@192.0.2.10 gw pbx", "answer call-1@192.0.2.10 gw pbx"), mediaCalls);
    }

    @Test
    void anUpdateWithSdpIsReofferedAndThe2xxOfTheUpdateAnswers() {
        String rr = anchoredCall();
        fromPbx(withSdp(fromCaller("UPDATE", 3, "z9hG4bKupdate", rr), HOLD_SDP));
        SipRequest update = lastRequestTo(GW1);
        assertEquals("UPDATE", update.method().name());
        assertEquals(RELAY_REOFFER, body(update));
        from(GW1, withBody(update, 200, CALLEE_SDP));
        SipResponse atPbx = lastResponseTo(PBX);
        assertEquals("UPDATE", atPbx.cseq().method());
        assertEquals(RELAY_REANSWER, body(atPbx));
        assertEquals(List.of("offer call-1@192.0.2.10 pbx gw", "answer call-1@192.0.2.10 pbx gw"), mediaCalls);
    }

    @Test
    void anOfferlessReInviteHasThe2xxAnchoredAsTheOfferAndTheAckAsTheAnswer() {
        String rr = anchoredCall();
        fromPbx(fromCaller("INVITE", 3, "z9hG4bKnooffer", rr));
        SipRequest reInvite = lastRequestTo(GW1);
        assertEquals(0, reInvite.bodyLength(), "no offer to anchor in the request");
        from(GW1, withBody(reInvite, 200, CALLEE_SDP));
        assertEquals(RELAY_REOFFER, body(lastResponseTo(PBX)), "the callee's offer in the 2xx, anchored");
        fromPbx(withSdp(fromCaller("ACK", 3, "z9hG4bKnoofferack", rr), CALLER_SDP));
        SipRequest ack = lastRequestTo(GW1);
        assertEquals("ACK", ack.method().name());
        assertEquals(RELAY_REANSWER, body(ack), "the PBX's answer in the ACK, anchored");
        assertEquals(CALLER_SDP, relay1.lastAnswer);
        assertEquals(List.of("offer call-1@192.0.2.10 gw pbx", "answer call-1@192.0.2.10 gw pbx"), mediaCalls,
                "the 2xx's sender offered: the tags name it first");
    }

    /** The next call is routed with media relayed, and relay 1 answers re-offers and re-answers. */
    void relayedLateOffer() {
        Decision.Proxy base = (Decision.Proxy) twoCarriers();
        nextDecision = new Decision.Proxy(base.decisionId(), base.groups(), base.addHeaders(), base.removeHeaders(),
                base.context(), null, true);
        relay1.offerSdp = RELAY_REOFFER;
        relay1.answerSdp = RELAY_REANSWER;
    }

    @Test
    void aNewCallWithoutAnOfferHasTheCalleesOfferIn2xxAndTheCallersAnswerInTheAckAnchoredAtTheNamedRelay() {
        relayedLateOffer();
        fromPbx(INVITE); // a late offer (RFC 3264 §5): no SDP in the INVITE
        SipRequest toGw1 = lastRequestTo(GW1);
        assertEquals(0, toGw1.bodyLength());
        assertEquals(List.of(), mediaCalls, "nothing to anchor yet");
        from(GW1, withBody(toGw1, 200, CALLEE_SDP));
        assertEquals(RELAY_REOFFER, body(lastResponseTo(PBX)), "the carrier's offer reaches the PBX anchored");
        assertEquals(CALLEE_SDP, relay1.lastOffer);
        // the ACK with the PBX's answer reaches a second replica: the Record-Route names the relay
        Replica second = replica(me.advertised());
        second.from(PBX, parse(withSdp(fromCaller("ACK", 1, "z9hG4bKlateack", toGw1.header(HeaderName.RECORD_ROUTE)),
                CALLER_SDP)));
        SipRequest ack = (SipRequest) second.wire().stream().filter(x -> x.message().isRequest()).findFirst()
                .orElseThrow().message();
        assertEquals("ACK", ack.method().name());
        assertEquals(RELAY_REANSWER, body(ack), "the carrier gets the relay's answer, not the PBX's address");
        assertEquals(CALLER_SDP, relay1.lastAnswer);
        assertEquals(List.of("offer call-1@192.0.2.10 gw pbx", "answer call-1@192.0.2.10 gw pbx"), mediaCalls);
    }

    // RFC 3262 §5 with a late offer: the carrier's offer comes in a reliable 183 and the PBX answers in the PRACK.
    // Both must reach the relay, or the carrier would get the PBX's private address and bypass the relay.
    @Test
    void aLateOfferAnsweredInThePrackHasTheReliable183AndThePrackAnchored() {
        relayedLateOffer();
        fromPbx(INVITE.replace("Content-Length: 0\n", "Supported: 100rel\nContent-Length: 0\n")); // no SDP
        SipRequest toGw1 = lastRequestTo(GW1);
        SipResponse reliable = (SipResponse) withBody(toGw1, 183, CALLEE_SDP).toBuilder()
                .addHeader("Require", "100rel").addHeader("RSeq", "1").build();
        from(GW1, reliable);
        SipResponse atPbx = lastResponseTo(PBX);
        assertEquals(183, atPbx.statusCode());
        assertEquals(RELAY_REOFFER, body(atPbx), "the carrier's offer reaches the PBX anchored");

        String prack = fromCaller("PRACK", 2, "z9hG4bKprack", toGw1.header(HeaderName.RECORD_ROUTE))
                .replace("Content-Length: 0\n", "RAck: 1 1 INVITE\nContent-Length: 0\n");
        fromPbx(withSdp(prack, CALLER_SDP));
        SipRequest prackAtGw = lastRequestTo(GW1);
        assertEquals("PRACK", prackAtGw.method().name());
        assertEquals(RELAY_REANSWER, body(prackAtGw), "the carrier gets the relay's answer, not the PBX's address");
        assertEquals(CALLER_SDP, relay1.lastAnswer);
        assertEquals(List.of("offer call-1@192.0.2.10 gw pbx", "answer call-1@192.0.2.10 gw pbx"), mediaCalls,
                "the 183's sender offered: the tags name it first");
        from(GW1, SipMessageBuilder.responseTo(prackAtGw, SipStatus.of(200)).build());
        assertEquals("PRACK", lastResponseTo(PBX).cseq().method());
        assertEquals(200, lastResponseTo(PBX).statusCode());
    }

    @Test
    void aReofferTheRelayRefusesIs488AndTheCallAndItsMediaStay() {
        String rr = anchoredCall();
        relay1.refuseOffers = 488;
        int toCarrier = sentTo(GW1).size();
        fromPbx(withSdp(fromCaller("INVITE", 3, "z9hG4bKrefused", rr), HOLD_SDP));
        assertEquals(488, lastResponseTo(PBX).statusCode());
        assertEquals(toCarrier, sentTo(GW1).size(), "the re-INVITE is not forwarded");
        assertEquals(List.of("offer call-1@192.0.2.10 pbx gw"), mediaCalls, "no delete: the media session stays");
        assertEquals(1, core.stats().mediaReofferRefusals());
        fromPbx(byeFromPbx("z9hG4bKbyeafter488", rr));
        assertEquals("BYE", lastRequestTo(GW1).method().name(), "the dialog goes on");
        assertEquals("delete call-1@192.0.2.10 pbx gw", mediaCalls.get(mediaCalls.size() - 1));
    }

    @Test
    void aReofferAtAnUnavailableRelayIs503WithRetryAfterAndIsNotMovedToAnotherRelay() {
        String rr = anchoredCall();
        relay1.failing = Status.Code.UNAVAILABLE;
        fromPbx(withSdp(fromCaller("INVITE", 3, "z9hG4bKrelaydown", rr), HOLD_SDP));
        SipResponse r = lastResponseTo(PBX);
        assertEquals(503, r.statusCode());
        assertNotNull(r.header(HeaderName.RETRY_AFTER));
        assertTrue(relay2.calls.isEmpty(), "the session lives on relay 1 only: " + relay2.calls);
    }

    @Test
    void aReInviteCancelledWhileTheRelayReanchorsIs487AndNeverForwarded() {
        String rr = anchoredCall();
        relay1.pendingOffer = new java.util.concurrent.CompletableFuture<>();
        int toCarrier = sentTo(GW1).size();
        String reInvite = withSdp(fromCaller("INVITE", 3, "z9hG4bKcancelled", rr), HOLD_SDP);
        fromPbx(reInvite);
        // §9.1: the CANCEL has the INVITE's Request-URI, Via, From, To, Call-ID and CSeq number
        fromPbx(fromCaller("CANCEL", 3, "z9hG4bKcancelled", rr).replace("Route: " + rr + "\n", ""));
        relay1.pendingOffer.complete(io.sipplatform.proto.media.v1.OfferResponse.newBuilder()
                .setRewritten(io.sipplatform.proto.media.v1.RewrittenSdp.newBuilder()
                        .setSdp(com.google.protobuf.ByteString.copyFromUtf8(RELAY_REOFFER))).build());
        assertEquals(List.of(100, 200, 100, 200, 487), statusesTo(PBX), "the call, 100 to the re-INVITE, 200 to CANCEL, 487");
        assertEquals(toCarrier, sentTo(GW1).size(), "the cancelled re-INVITE is not forwarded");
    }

    @Test
    void theRelayChosenAtTheInviteServesTheReInviteAndTheByeOnAnotherReplica() {
        Decision.Proxy base = (Decision.Proxy) twoCarriers();
        nextDecision = new Decision.Proxy(base.decisionId(), base.groups(), base.addHeaders(), base.removeHeaders(),
                base.context(), null, true);
        fromPbx(withSdp(invite("call-0"), CALLER_SDP)); // round robin: call-0 on relay 1
        fromPbx(withSdp(invite("call-1"), CALLER_SDP)); // call-1 on relay 2
        SipRequest toGw1 = lastRequestTo(GW1);
        from(GW1, withBody(toGw1, 200, CALLEE_SDP));
        assertEquals(List.of("offer call-1@192.0.2.10 pbx", "answer call-1@192.0.2.10 pbx gw"), relay2.calls);
        String rr = toGw1.header(HeaderName.RECORD_ROUTE);
        // replica 2 has its own round robin, which would put a new call on relay 1
        Replica second = replica(me.advertised());
        second.from(GW1, parse(withSdp(fromCallee("INVITE", 7, "z9hG4bKgw2reinv", rr), CALLEE_SDP)));
        second.from(GW1, byeFromCarrier("100@10.0.0.99:5060", "z9hG4bKgw2bye", rr));
        assertEquals(List.of("offer call-1@192.0.2.10 pbx", "answer call-1@192.0.2.10 pbx gw",
                "offer call-1@192.0.2.10 gw pbx", "delete call-1@192.0.2.10 pbx gw"), relay2.calls);
        assertEquals(List.of("offer call-0@192.0.2.10 pbx"), relay1.calls, "relay 1 never hears of call-1");
        SipRequest reInvite = (SipRequest) second.wire().stream().filter(s -> s.message().isRequest())
                .findFirst().orElseThrow().message();
        assertEquals(RELAY_OFFER, body(reInvite), "replica 2 forwards relay 2's re-offer");
    }

    @Test
    void anOfferAtAnUnavailableRelayGoesToTheNextOnceAndTheCallStaysThere() {
        relay1.failing = Status.Code.UNAVAILABLE;
        String rr = anchoredCall(); // the offer fails at relay 1 and is placed at relay 2
        assertEquals(List.of("offer call-1@192.0.2.10 pbx", "answer call-1@192.0.2.10 pbx gw"), relay2.calls);
        assertEquals(List.of("offer call-1@192.0.2.10 pbx"), relay1.calls);
        fromPbx(byeFromPbx("z9hG4bKbyefailover", rr));
        assertEquals("delete call-1@192.0.2.10 pbx gw", relay2.calls.get(relay2.calls.size() - 1));
        // relay 1 is passed over for new calls while marked down (round robin would start one of two there)
        relay1.failing = null;
        fromPbx(withSdp(invite("call-2"), CALLER_SDP));
        fromPbx(withSdp(invite("call-3"), CALLER_SDP));
        assertEquals(1, relay1.calls.size(), "calls 2 and 3 skip relay 1 while it is marked down");
        nanos += java.time.Duration.ofSeconds(11).toNanos(); // edge.media.down-for is 10 s here
        fromPbx(withSdp(invite("call-4"), CALLER_SDP));
        fromPbx(withSdp(invite("call-5"), CALLER_SDP));
        assertEquals(2, relay1.calls.size(), "then it takes its share again: " + relay1.calls);
    }

    @Test
    void anOfferBothRelaysRefuseAsUnavailableIs503AfterOneTryEach() {
        relay1.failing = Status.Code.UNAVAILABLE;
        relay2.failing = Status.Code.RESOURCE_EXHAUSTED;
        nextDecision = new Decision.Proxy("d", ((Decision.Proxy) twoCarriers()).groups(), List.of(), List.of(),
                Map.of(), null, true);
        fromPbx(withSdp(INVITE, CALLER_SDP));
        SipResponse r = lastResponseTo(PBX);
        assertEquals(503, r.statusCode());
        assertNotNull(r.header(HeaderName.RETRY_AFTER));
        assertEquals(List.of("offer call-1@192.0.2.10 pbx", "offer call-1@192.0.2.10 pbx"), mediaCalls);
        assertTrue(sentTo(GW1).isEmpty(), "nothing forwarded");
    }
}
