package io.sipplatform.edge.proxy;

import io.sipplatform.edge.time.ManualTimers;
import io.sipplatform.edge.transaction.TransactionLayer;
import io.sipplatform.edge.transaction.TransactionSettings;
import io.sipplatform.edge.transport.Destination;
import io.sipplatform.edge.transport.Inbound;
import io.sipplatform.edge.transport.SipSender;
import io.sipplatform.edge.transport.Transport;
import io.sipplatform.sip.message.DatagramFramer;
import io.sipplatform.sip.message.Framed;
import io.sipplatform.sip.message.HeaderName;
import io.sipplatform.sip.message.SipMessage;
import io.sipplatform.sip.message.SipMessageBuilder;
import io.sipplatform.sip.message.SipRequest;
import io.sipplatform.sip.message.SipResponse;
import io.sipplatform.sip.message.SipStatus;
import io.sipplatform.sip.uri.SipUri;
import io.sipplatform.sip.uri.Uri;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The proxy core over a real transaction layer with manual timers, a recording network and fake upstreams: what
 * goes on the wire for each RFC 3261 §16 behaviour.
 */
class ProxyCoreTest extends ProxyHarness {

    @Test
    void optionsToTheEdgeIsAnswered200() {
        fromPbx("""
                OPTIONS sip:sip.example.net SIP/2.0
                Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bKping
                Max-Forwards: 70
                From: <sip:ping@192.0.2.10>;tag=p
                To: <sip:sip.example.net>
                Call-ID: ping-1
                CSeq: 1 OPTIONS
                Content-Length: 0

                """);
        assertEquals(List.of(200), statusesTo(PBX));
        assertTrue(sentTo(PBX).get(0).message().header("Allow").contains("INVITE"));
    }

    @Test
    void inviteFailsOverOn503AndTheSecondCarriersAnswerIsRelayed() {
        nextDecision = twoCarriers();
        fromPbx(INVITE);
        assertEquals(List.of(100), statusesTo(PBX), "100 Trying at once");
        SipRequest toGw1 = lastRequestTo(GW1);
        assertEquals("sip:+4930123456@198.51.100.1", toGw1.requestUriText());
        assertEquals(69, toGw1.maxForwards(), "Max-Forwards decremented");
        assertEquals("t1", toGw1.header("X-Trunk"));
        assertEquals(2, toGw1.vias().size());
        assertTrue(toGw1.topVia().branch().startsWith("z9hG4bK-e1-"), toGw1.topVia().branch());
        SipUri rr = (SipUri) toGw1.recordRoutes().get(0).uri();
        assertEquals("203.0.113.5", rr.host());
        assertTrue(rr.lr());
        assertTrue(token.verify(rr.param(ProxyCore.TOKEN_PARAM)).isPresent(), "signed route state");

        from(GW1, answer(toGw1, 503));
        SipRequest ack = lastRequestTo(GW1);
        assertEquals("ACK", ack.method().name(), "hop-by-hop ACK for the 503");
        SipRequest toGw2 = lastRequestTo(GW2);
        assertEquals("sip:+4930123456@198.51.100.2", toGw2.requestUriText());
        assertFalse(toGw2.topVia().branch().equals(toGw1.topVia().branch()), "new branch per attempt");

        from(GW2, answer(toGw2, 180));
        from(GW2, answer(toGw2, 200));
        assertEquals(List.of(100, 180, 200), statusesTo(PBX));
        SipResponse ok = (SipResponse) sentTo(PBX).get(2).message();
        assertEquals(1, ok.vias().size(), "our Via removed");
        assertEquals("z9hG4bKpbx1", ok.topVia().branch());
        assertEquals(0, core.openCalls());
        assertEquals(List.of("Attempt", "LegAttempt", "Progress", "LegAttempt", "Answer"),
                events.stream().map(e -> e.getClass().getSimpleName()).toList(), "call events for the CDR");
        CallEvents.LegAttempt first = (CallEvents.LegAttempt) events.get(1);
        assertEquals(1, first.leg());
        assertEquals("gw1", first.gatewayId());
        assertEquals(503, first.code());
        assertEquals(2, ((CallEvents.LegAttempt) events.get(3)).leg());
        assertEquals("gw2", ((CallEvents.Answer) events.get(4)).gatewayId());
    }

    @Test
    void allCarriersFailing503AnswersTheCaller500() {
        nextDecision = twoCarriers();
        fromPbx(INVITE);
        from(GW1, answer(lastRequestTo(GW1), 503));
        from(GW2, answer(lastRequestTo(GW2), 503));
        assertEquals(List.of(100, 500), statusesTo(PBX), "§16.7 step 6: a 503 is not passed on");
    }

    @Test
    void busyDoesNotFailOverAndIsRelayed() {
        nextDecision = twoCarriers();
        fromPbx(INVITE);
        from(GW1, answer(lastRequestTo(GW1), 486));
        assertTrue(sentTo(GW2).isEmpty(), "486 is not a failover code");
        assertEquals(List.of(100, 486), statusesTo(PBX));
        assertEquals(List.of("lease-1/call-1@192.0.2.10"), released, "an unanswered call gives its lease back");
    }

    static Decision oneCarrierBySrv() {
        return new Decision.Proxy("d1", List.of(new Decision.TargetGroup(List.of(new Decision.Target(
                "sip:+4930123456@carrier.example", null, Transport.UDP, null, "gw-srv", null, null)),
                Decision.Failover.NEVER)), List.of(), List.of(), Map.of(), null, false);
    }

    @Test
    void aTransportErrorAtTheFirstSrvTargetSendsTheRequestToTheNext() {
        nextDecision = oneCarrierBySrv();
        unreachable.add(GW1);
        fromPbx(INVITE);
        SipRequest first = lastRequestTo(GW1);
        SipRequest second = lastRequestTo(GW2);
        assertEquals("INVITE", second.method().name());
        assertEquals("sip:+4930123456@carrier.example", second.requestUriText());
        assertFalse(first.topVia().branch().equals(second.topVia().branch()), "a new client transaction");
        from(GW2, answer(second, 200));
        assertEquals(List.of(100, 200), statusesTo(PBX));
        long legs = events.stream().filter(e -> e instanceof CallEvents.LegAttempt).count();
        assertEquals(1, legs, "one leg for the target, whichever of its addresses answered");
    }

    @Test
    void aTimeoutAtTheFirstSrvTargetSendsTheRequestToTheNextAndLateTimersAreIgnored() {
        nextDecision = oneCarrierBySrv();
        fromPbx(INVITE);
        assertTrue(sentTo(GW2).isEmpty());
        timers.fire("B");
        assertEquals("INVITE", lastRequestTo(GW2).method().name(), "Timer B moves on to the next SRV target");
        timers.fire("B");
        assertEquals(List.of(100, 408), statusesTo(PBX), "the last target timing out ends the branch with 408");
    }

    @Test
    void timeoutOfTheFirstCarrierFailsOver() {
        nextDecision = twoCarriers();
        fromPbx(INVITE);
        timers.fire("B");
        assertFalse(sentTo(GW2).isEmpty(), "Timer B counts as 408 and fails over");
    }

    @Test
    void cancelBeforeAnswerIsAnswered200AndTheCallEndsWith487() {
        nextDecision = twoCarriers();
        fromPbx(INVITE);
        SipRequest toGw1 = lastRequestTo(GW1);
        from(GW1, answer(toGw1, 180));
        // §9.1: the CANCEL has the INVITE's Request-URI, Via, From, To, Call-ID and CSeq number
        fromPbx(INVITE.replace("INVITE sip:", "CANCEL sip:").replace("1 INVITE", "1 CANCEL")
                .replace("Contact: <sip:100@192.0.2.10:5060>\n", ""));
        SipRequest cancel = lastRequestTo(GW1);
        assertEquals("CANCEL", cancel.method().name());
        assertEquals(toGw1.topVia().branch(), cancel.topVia().branch(), "CANCEL matches the branch (§9.1)");
        from(GW1, answer(cancel, 200));
        from(GW1, answer(toGw1, 487));
        assertEquals(List.of(100, 180, 200, 487), statusesTo(PBX));
        CallEvents.End end = (CallEvents.End) events.get(events.size() - 1);
        assertEquals(CallEvents.Cause.CANCEL, end.cause());
        assertEquals(CallEvents.Side.CALLER, end.hangupSide());
        assertTrue(sentTo(GW2).isEmpty(), "no failover after CANCEL");
    }

    @Test
    void whileDrainingNewCallsGet503WithRetryAfterButInDialogRequestsPass() {
        nextDecision = twoCarriers();
        fromPbx(INVITE);
        SipRequest toGw1 = lastRequestTo(GW1);
        from(GW1, answer(toGw1, 200));
        admission.drain();
        fromPbx(INVITE.replace("call-1@", "call-2@").replace("z9hG4bKpbx1", "z9hG4bKpbx2"));
        SipResponse shed = (SipResponse) sentTo(PBX).get(sentTo(PBX).size() - 1).message();
        assertEquals(503, shed.statusCode());
        assertEquals("5", shed.header("Retry-After"));
        SipMessage bye = byeFromCarrier("100@192.0.2.10:5060", "z9hG4bKgwbye2",
                toGw1.header(HeaderName.RECORD_ROUTE));
        from(GW1, bye);
        assertEquals("BYE", lastRequestTo(PBX).method().name(), "in-dialog requests still flow while draining");
    }

    @Test
    void cancelForAnUnknownTransactionIs481() {
        fromPbx("""
                CANCEL sip:x@sip.example.net SIP/2.0
                Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bKnone
                Max-Forwards: 70
                From: <sip:100@sip.example.net>;tag=pbx
                To: <sip:x@sip.example.net>
                Call-ID: none
                CSeq: 1 CANCEL
                Content-Length: 0

                """);
        assertEquals(List.of(481), statusesTo(PBX));
    }

    @Test
    void rejectDecisionIsAnsweredWithItsCode() {
        nextDecision = new Decision.Reject(Rejection.of(403, "Forbidden"));
        fromPbx(INVITE);
        assertEquals(List.of(100, 403), statusesTo(PBX));
    }

    @Test
    void credentialsAnsweredWithAFreshChallengeAreReportedAsAFailureButAStaleNonceIsNot() {
        List<InetSocketAddress> failures = new ArrayList<>();
        core.onAuthFailure(in -> failures.add(in.remote()));
        nextDecision = new Decision.Challenge(List.of("Digest realm=\"sip.example.net\", nonce=\"n1\""));
        fromPbx(INVITE);
        assertEquals(List.of(), failures, "a first challenge is no failure");
        String withCredentials = INVITE.replace("Content-Length: 0", "Proxy-Authorization: Digest username=\"100\", "
                + "realm=\"sip.example.net\", nonce=\"n0\", uri=\"sip:+4930123456@sip.example.net\", "
                + "response=\"00000000000000000000000000000000\"\nContent-Length: 0");
        fromPbx(withCredentials.replace("call-1@", "call-2@").replace("z9hG4bKpbx1", "z9hG4bKpbx2"));
        assertEquals(List.of(PBX), failures, "credentials answered with a new challenge failed");
        nextDecision = new Decision.Challenge(List.of("Digest realm=\"sip.example.net\", nonce=\"n2\", stale=true"));
        fromPbx(withCredentials.replace("call-1@", "call-3@").replace("z9hG4bKpbx1", "z9hG4bKpbx3"));
        assertEquals(List.of(PBX), failures, "an expired nonce with the right password is no failure");
    }

    @Test
    void aRegisterWhoseCredentialsGetANew401IsReportedAsAFailure() {
        List<InetSocketAddress> failures = new ArrayList<>();
        core.onAuthFailure(in -> failures.add(in.remote()));
        nextRegister = new Upstream.LocalAnswer(401, "Unauthorized", List.of(new Decision.Header("WWW-Authenticate",
                "Digest realm=\"sip.example.net\", nonce=\"n3\"")));
        fromPbx("""
                REGISTER sip:sip.example.net SIP/2.0
                Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bKreg1
                Max-Forwards: 70
                From: <sip:100@sip.example.net>;tag=r1
                To: <sip:100@sip.example.net>
                Call-ID: reg-1
                CSeq: 2 REGISTER
                Contact: <sip:100@192.0.2.10>
                Authorization: Digest username="100", realm="sip.example.net", nonce="n2", uri="sip:sip.example.net", response="00000000000000000000000000000000"
                Content-Length: 0

                """);
        assertEquals(List.of(401), statusesTo(PBX));
        assertEquals(List.of(PBX), failures);
    }

    @Test
    void challengeDecisionIsA407WithProxyAuthenticate() {
        nextDecision = new Decision.Challenge(List.of("Digest realm=\"sip.example.net\", nonce=\"n\""));
        fromPbx(INVITE);
        SipMessage r = sentTo(PBX).get(1).message();
        assertEquals(407, ((SipResponse) r).statusCode());
        assertNotNull(r.header("Proxy-Authenticate"));
    }

    @Test
    void inDialogByeFromTheCarrierFollowsTheSignedRouteBackToThePbx() {
        nextDecision = twoCarriers();
        fromPbx(INVITE);
        SipRequest toGw1 = lastRequestTo(GW1);
        from(GW1, answer(toGw1, 200));
        String rr = toGw1.header(HeaderName.RECORD_ROUTE);
        SipMessage bye = byeFromCarrier("100@10.0.0.99:5060", "z9hG4bKgwbye", rr);
        from(GW1, bye);
        SipRequest out = lastRequestTo(PBX);
        assertEquals("BYE", out.method().name(), "sent to the PBX's recorded address, not its private Contact");
        CallEvents.End end = (CallEvents.End) events.get(events.size() - 1);
        assertEquals(CallEvents.Side.CALLEE, end.hangupSide(), "the carrier hung up");
        assertEquals(List.of("lease-1/call-1@192.0.2.10"), released, "BYE releases the lease named in the route");
        assertEquals(CallEvents.Cause.BYE, end.cause());
        assertTrue(out.routes().isEmpty(), "our Route popped");
        assertEquals("sip:100@10.0.0.99:5060", out.requestUriText());
    }

    @Test
    void inDialogByeFromTheCallerGoesToTheCalleesContact() {
        nextDecision = twoCarriers();
        fromPbx(INVITE);
        SipRequest toGw1 = lastRequestTo(GW1);
        from(GW1, answer(toGw1, 200));
        String rr = toGw1.header(HeaderName.RECORD_ROUTE);
        fromPbx(byeFromPbx("z9hG4bKpbxbye", rr));
        SipRequest out = lastRequestTo(GW1);
        assertEquals("BYE", out.method().name());
        from(GW1, answer(out, 200));
        assertEquals(200, statusesTo(PBX).get(statusesTo(PBX).size() - 1));
        CallEvents.End end = (CallEvents.End) events.get(events.size() - 1);
        assertEquals(CallEvents.Side.CALLER, end.hangupSide());
    }

    static final InetSocketAddress NATTED_PHONE = new InetSocketAddress("203.0.113.77", 61000);

    /** A DID delivered to a registered phone behind NAT: routing keeps its Contact and names its public source. */
    static Decision toNattedPhone() {
        return new Decision.Proxy("d2", List.of(new Decision.TargetGroup(List.of(new Decision.Target(
                "sip:phone@192.168.7.20:5060", "sip:203.0.113.77:61000;transport=udp", Transport.UDP, null, null,
                null, null)), Decision.Failover.NEVER)), List.of(), List.of(), Map.of(), null, false);
    }

    @Test
    void inDialogRequestsTowardsAPhoneBehindNatGoToItsPublicSourceNotItsPrivateContact() {
        nextDecision = toNattedPhone();
        fromPbx(INVITE);
        SipRequest toPhone = lastRequestTo(NATTED_PHONE);
        assertEquals("sip:phone@192.168.7.20:5060", toPhone.requestUriText(), "the Contact stays the R-URI");
        from(NATTED_PHONE, answer(toPhone, 200));
        String rr = toPhone.header(HeaderName.RECORD_ROUTE);
        // the caller's BYE names the phone's private Contact (its remote target)
        fromPbx(byeFromPbx("z9hG4bKpbxnat", rr).replace("BYE sip:+4930123456@198.51.100.1:5060",
                "BYE sip:phone@192.168.7.20:5060"));
        SipRequest bye = lastRequestTo(NATTED_PHONE);
        assertEquals("BYE", bye.method().name(), "sent to the NAT's public address");
        assertEquals("sip:phone@192.168.7.20:5060", bye.requestUriText());
        assertTrue(wire.stream().noneMatch(x -> x.to().address().getHostString().equals("192.168.7.20")),
                "nothing is ever sent to the private address");
    }

    @Test
    void theDirectionOfAnInDialogRequestComesFromTheRecordedFromTagNotTheSourceAddress() {
        nextDecision = toNattedPhone();
        fromPbx(INVITE);
        SipRequest toPhone = lastRequestTo(NATTED_PHONE);
        from(NATTED_PHONE, answer(toPhone, 200));
        String rr = toPhone.header(HeaderName.RECORD_ROUTE);
        // the caller's NAT rebinds: its BYE arrives from a new public port, yet it is the caller's request and must
        // go to the phone, not back to the caller's recorded address
        InetSocketAddress rebound = new InetSocketAddress("192.0.2.10", 5999);
        from(rebound, parse(byeFromPbx("z9hG4bKpbxrebound", rr).replace("BYE sip:+4930123456@198.51.100.1:5060",
                "BYE sip:phone@192.168.7.20:5060")));
        assertEquals("BYE", lastRequestTo(NATTED_PHONE).method().name(), "towards the callee");
        assertTrue(sentTo(PBX).stream().noneMatch(x -> x.message().isRequest()
                && ((SipRequest) x.message()).method().name().equals("BYE")), "never back to the caller");
        CallEvents.End end = (CallEvents.End) events.get(events.size() - 1);
        assertEquals(CallEvents.Side.CALLER, end.hangupSide());
    }

    @Test
    void aCallersConnectionIsRecordedWithItsReplicaSoAnotherReplicaHandsRequestsToIt() {
        nextDecision = twoCarriers();
        layer.onRequest(new Inbound(parse(INVITE.replace("SIP/2.0/UDP 192.0.2.10:5060",
                "SIP/2.0/TCP 192.0.2.10:5060")), Transport.TCP, PBX, EDGE, "f42", System.nanoTime()));
        SipRequest toGw1 = lastRequestTo(GW1);
        from(GW1, answer(toGw1, 200));
        Replica second = replica(me.advertised());
        // the double Record-Route (TCP side, UDP side): the carrier's route set holds both
        String routes = String.join(", ", toGw1.headerFields(HeaderName.RECORD_ROUTE));
        second.from(GW1, byeFromCarrier("100@10.0.0.99:5060", "z9hG4bKgwbye4", routes));
        Sent out = second.wire().stream().filter(x -> x.message().isRequest()).findFirst().orElseThrow();
        assertEquals(Transport.TCP, out.to().transport());
        assertEquals("e1/f42", out.to().flowId(), "replica 1's connection, by name: replica 2 hands it over");
    }

    @Test
    void aStrayAckAddressedToTheEdgeItselfIsDroppedNotLoopedBack() {
        fromPbx("""
                ACK sip:service@203.0.113.5:5060 SIP/2.0
                Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bKstrayack
                Max-Forwards: 70
                From: <sip:100@sip.example.net>;tag=pbx
                To: <sip:service@203.0.113.5>;tag=x
                Call-ID: stray-ack
                CSeq: 1 ACK
                Content-Length: 0

                """);
        assertTrue(wire.isEmpty(), "nothing sent: " + wire);
        assertEquals(1, core.stats().droppedAcks());
    }

    @Test
    void anInDialogRequestEndingAtTheEdgeIs481() {
        fromPbx("""
                BYE sip:service@203.0.113.5:5060 SIP/2.0
                Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bKbyeself
                Max-Forwards: 70
                From: <sip:100@sip.example.net>;tag=pbx
                To: <sip:service@203.0.113.5>;tag=x
                Call-ID: bye-self
                CSeq: 2 BYE
                Content-Length: 0

                """);
        assertEquals(List.of(481), statusesTo(PBX));
    }

    @Test
    void relayedMediaAnchorsOfferAndAnswerAndIsDeletedAtBye() {
        Decision.Proxy base = (Decision.Proxy) twoCarriers();
        nextDecision = new Decision.Proxy(base.decisionId(), base.groups(), base.addHeaders(), base.removeHeaders(),
                base.context(), null, true);
        String sdp = "v=0\r\no=pbx 1 1 IN IP4 10.0.0.5\r\ns=-\r\nc=IN IP4 10.0.0.5\r\nt=0 0\r\n"
                + "m=audio 4000 RTP/AVP 0\r\n";
        fromPbx(withSdp(INVITE, sdp));
        SipRequest toGw1 = lastRequestTo(GW1);
        assertEquals(RELAY_OFFER, new String(toGw1.body(), StandardCharsets.UTF_8), "the relay's offer goes out");
        SipResponse ok = (SipResponse) SipMessageBuilder.responseTo(toGw1, SipStatus.of(200)).toTagIfAbsent("gw")
                .body("v=0\r\no=gw 1 1 IN IP4 198.51.100.1\r\ns=-\r\nc=IN IP4 198.51.100.1\r\nt=0 0\r\n"
                        .getBytes(StandardCharsets.UTF_8), "application/sdp").build();
        from(GW1, ok);
        SipResponse atPbx = (SipResponse) sentTo(PBX).get(sentTo(PBX).size() - 1).message();
        assertEquals(200, atPbx.statusCode());
        assertEquals(RELAY_ANSWER, new String(atPbx.body(), StandardCharsets.UTF_8), "the relay's answer comes back");
        fromPbx(byeFromPbx("z9hG4bKbyemedia", toGw1.header(HeaderName.RECORD_ROUTE)));
        assertEquals(List.of("offer call-1@192.0.2.10 pbx", "answer call-1@192.0.2.10 pbx gw",
                "delete call-1@192.0.2.10 pbx gw"), mediaCalls);
        CallEvents.MediaStats stats = events.stream().filter(e -> e instanceof CallEvents.MediaStats)
                .map(e -> (CallEvents.MediaStats) e).findFirst().orElseThrow();
        assertEquals(150, stats.streams().get(0).packets(), "the relay's statistics go to the CDR");
    }

    @Test
    void aForkedCallsOtherBranchFailingWhileTheRelayAnswersDoesNotLeakTheUnanchored2xx() {
        Decision.Failover never = Decision.Failover.NEVER;
        nextDecision = new Decision.Proxy("d1", List.of(new Decision.TargetGroup(List.of(
                new Decision.Target("sip:desk@198.51.100.1", null, Transport.UDP, null, null, null, null),
                new Decision.Target("sip:mobile@198.51.100.2", null, Transport.UDP, null, null, null, null)), never)),
                List.of(), List.of(), Map.of("trunk", "t1"), null, true);
        String sdp = "v=0\r\no=pbx 1 1 IN IP4 10.0.0.5\r\ns=-\r\nc=IN IP4 10.0.0.5\r\nt=0 0\r\n"
                + "m=audio 4000 RTP/AVP 0\r\n";
        fromPbx(withSdp(INVITE, sdp));
        relay1.pendingAnswer = new CompletableFuture<>();
        SipResponse ok = (SipResponse) SipMessageBuilder.responseTo(lastRequestTo(GW1), SipStatus.of(200))
                .toTagIfAbsent("desk").body("v=0\r\no=gw 1 1 IN IP4 198.51.100.1\r\ns=-\r\nc=IN IP4 198.51.100.1\r\n"
                        .getBytes(StandardCharsets.UTF_8), "application/sdp").build();
        from(GW1, ok);
        from(GW2, answer(lastRequestTo(GW2), 404));
        assertEquals(List.of(100), statusesTo(PBX), "nothing final before the relay has answered");
        relay1.pendingAnswer.complete(FakeRelay.answered(RELAY_ANSWER));
        assertEquals(List.of(100, 200), statusesTo(PBX), "one 2xx, not the raw one and then the anchored one");
        SipResponse atPbx = (SipResponse) sentTo(PBX).get(1).message();
        assertEquals(RELAY_ANSWER, new String(atPbx.body(), StandardCharsets.UTF_8));
    }

    @Test
    void aFinalResponseThatLostTheCallersViaIsAnsweredByTheEdgeWithItsCode() {
        nextDecision = twoCarriers();
        fromPbx(INVITE);
        SipRequest toGw1 = lastRequestTo(GW1);
        // §16.7 step 3: a broken downstream answered with our Via only; it must not go out Via-less
        from(GW1, parse("""
                SIP/2.0 486 Busy Here
                Via: %s
                From: <sip:100@sip.example.net>;tag=pbx
                To: <sip:+4930123456@sip.example.net>;tag=gw
                Call-ID: call-1@192.0.2.10
                CSeq: 1 INVITE
                Content-Length: 0

                """.formatted(toGw1.header(HeaderName.VIA))));
        assertEquals(List.of(100, 486), statusesTo(PBX));
        SipResponse busy = (SipResponse) sentTo(PBX).get(1).message();
        assertEquals("z9hG4bKpbx1", busy.topVia().branch(), "the caller's own Via, rebuilt by the edge");
        assertEquals(1, core.stats().malformed());
    }

    @Test
    void aCallRejectedDownstreamFreesItsRelaySession() {
        Decision.Proxy base = (Decision.Proxy) twoCarriers();
        nextDecision = new Decision.Proxy(base.decisionId(), base.groups(), base.addHeaders(), base.removeHeaders(),
                base.context(), null, true);
        String sdp = "v=0\r\no=pbx 1 1 IN IP4 10.0.0.5\r\ns=-\r\nc=IN IP4 10.0.0.5\r\nt=0 0\r\n";
        fromPbx(withSdp(INVITE, sdp));
        from(GW1, answer(lastRequestTo(GW1), 486));
        assertEquals("delete call-1@192.0.2.10 pbx null", mediaCalls.get(mediaCalls.size() - 1));
    }

    @ParameterizedTest(name = "replica 2 advertises {0}")
    @ValueSource(strings = {"the same address (behind one load balancer)", "its own address"})
    void aByeArrivingAtASecondReplicaIsRoutedFromTheRouteAloneAndSeesNoDialogState(String advertised) {
        nextDecision = twoCarriers();
        fromPbx(INVITE);
        SipRequest toGw1 = lastRequestTo(GW1);
        from(GW1, answer(toGw1, 200));
        // a Route that names replica 1 but carries a token signed with the cluster secret is the cluster's own
        Map<Transport, EdgeIdentity.HostPort> address = advertised.startsWith("the same") ? me.advertised()
                : Map.of(Transport.UDP, new EdgeIdentity.HostPort("203.0.113.6", 5060));
        Replica second = replica(address);
        List<Sent> wire2 = second.wire();
        TransactionLayer layer2 = second.layer();
        SipMessage bye = byeFromCarrier("100@10.0.0.99:5060", "z9hG4bKgwbye3",
                toGw1.header(HeaderName.RECORD_ROUTE));
        layer2.onRequest(new Inbound(bye, Transport.UDP, GW1, EDGE, null, System.nanoTime()));
        Sent out = wire2.stream().filter(x -> x.message().isRequest()).findFirst().orElseThrow();
        assertEquals(PBX, out.to().address(), "replica 2 sends the BYE to the PBX's recorded address");
        assertTrue(((SipRequest) out.message()).topVia().branch().startsWith("z9hG4bK-e2-"), "through replica 2");
        assertEquals(List.of("lease-1/call-1@192.0.2.10"), released, "and releases the call's lease");
        // the PBX answers with both Vias folded into one header line (RFC 3261 §7.3.1), as SIPp does
        SipRequest sent = (SipRequest) out.message();
        String folded = String.join(", ", sent.headerFields(HeaderName.VIA));
        layer2.onResponse(new Inbound(parse("""
                SIP/2.0 200 OK
                Via: %s
                From: <sip:+4930123456@sip.example.net>;tag=gw
                To: <sip:100@sip.example.net>;tag=pbx
                Call-ID: call-1@192.0.2.10
                CSeq: 1 BYE
                Content-Length: 0

                """.formatted(folded)), Transport.UDP, PBX, EDGE, null, System.nanoTime()));
        List<Integer> toCarrier = wire2.stream().filter(x -> !x.message().isRequest() && x.to().address().equals(GW1))
                .map(x -> ((SipResponse) x.message()).statusCode()).toList();
        assertEquals(List.of(200), toCarrier, "the 200 to the BYE goes back to the carrier through replica 2");
    }

    @Test
    void forgedRouteTokenIsRefused() {
        fromPbx("""
                BYE sip:100@192.0.2.10 SIP/2.0
                Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bKforged
                Max-Forwards: 70
                Route: <sip:203.0.113.5:5060;lr;ert=AAAA.BBBB>
                From: <sip:a@x>;tag=1
                To: <sip:b@x>;tag=2
                Call-ID: forged
                CSeq: 2 BYE
                Content-Length: 0

                """);
        assertEquals(List.of(403), statusesTo(PBX));
    }

    @Test
    void answerTimeoutCancelsAndFailsOver() {
        Decision.Failover onTimeout = new Decision.Failover(Set.of(), Set.of(), true, false);
        nextDecision = new Decision.Proxy("d", List.of(
                new Decision.TargetGroup(List.of(new Decision.Target("sip:1@198.51.100.1", null, Transport.UDP,
                        null, "gw1", null, Duration.ofSeconds(30))), onTimeout),
                new Decision.TargetGroup(List.of(new Decision.Target("sip:1@198.51.100.2", null, Transport.UDP,
                        null, "gw2", null, null)), Decision.Failover.NEVER)), List.of(), List.of());
        fromPbx(INVITE);
        from(GW1, answer(lastRequestTo(GW1), 180));
        timers.fire("answer");
        assertEquals("CANCEL", lastRequestTo(GW1).method().name());
        assertEquals("INVITE", lastRequestTo(GW2).method().name());
    }
}
