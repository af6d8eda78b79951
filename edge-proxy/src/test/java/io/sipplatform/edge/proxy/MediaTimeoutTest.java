package io.sipplatform.edge.proxy;

import io.sipplatform.edge.teardown.CallTeardown;
import io.sipplatform.edge.teardown.MediaTimeouts;
import io.sipplatform.edge.teardown.RelayEvent;
import io.sipplatform.edge.teardown.TeardownStats;
import io.sipplatform.sip.message.HeaderName;
import io.sipplatform.sip.message.SipMessageBuilder;
import io.sipplatform.sip.message.SipRequest;
import io.sipplatform.sip.message.SipResponse;
import io.sipplatform.sip.message.SipStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Ending a call whose media timed out at the relay, from the teardown context the edge sealed at the offer and the
 * answer: the BYEs both parties receive (RFC 3261 §12.2.1.1), the CDR end, the relay delete and the lease, and the
 * events that must end nothing (forged, unconfirmed, repeated). The proxy core runs over the real transaction layer
 * with manual timers and the fake relays of {@link ProxyHarness}.
 */
class MediaTimeoutTest extends ProxyHarness {
    static final Instant AT = Instant.parse("2026-11-21T12:05:00Z");
    static final String CALLER_SDP = DialogMediaTest.CALLER_SDP;
    static final String CALLEE_SDP = DialogMediaTest.CALLEE_SDP;
    static final String CALLEE_CONTACT = "sip:+4930123456@198.51.100.1:5060";

    final TeardownSeal seal = new TeardownSeal(token);
    final TeardownStats stats = new TeardownStats();
    final CallTeardown teardown = new CallTeardown(me, nextHops, upstream, events::add,
            (callId, task) -> task.accept(layer), stats);
    final MediaTimeouts timeouts = new MediaTimeouts(seal, teardown, stats, () -> nanos);

    @BeforeEach
    void sendContexts() {
        core.sendTeardownContexts(seal);
    }

    /** The relay's media-timeout event for call-1 with the context it holds. */
    RelayEvent timedOut(FakeRelay relay) {
        return event(RelayEvent.Kind.MEDIA_TIMEOUT, "call-1@192.0.2.10", relay.teardown);
    }

    /** An event of relay 1 without statistics. */
    static RelayEvent event(RelayEvent.Kind kind, String callId, byte[] teardown) {
        return new RelayEvent("r1", kind, callId, teardown, AT, callerTag -> List.of());
    }

    /** The callee's 2xx with SDP and Contact, carrying the INVITE's Record-Route below {@code proxiesAfterUs}. */
    static SipResponse ok(SipRequest forwarded, String... proxiesAfterUs) {
        SipMessageBuilder b = SipMessageBuilder.responseTo(forwarded, SipStatus.of(200)).toTagIfAbsent("gw");
        for (String rr : proxiesAfterUs) {
            b.addHeader(HeaderName.RECORD_ROUTE, rr);
        }
        for (String rr : forwarded.headerValues(HeaderName.RECORD_ROUTE)) {
            b.addHeader(HeaderName.RECORD_ROUTE, rr);
        }
        return (SipResponse) b.addHeader("Contact", "<" + CALLEE_CONTACT + ">")
                .body(CALLEE_SDP.getBytes(StandardCharsets.UTF_8), "application/sdp").build();
    }

    /** An answered call with relayed media on relay 1 (lease-1); the Record-Route the callee got. */
    String answeredCall(String invite, String... proxiesAfterUs) {
        Decision.Proxy base = (Decision.Proxy) twoCarriers();
        nextDecision = new Decision.Proxy(base.decisionId(), base.groups(), base.addHeaders(), base.removeHeaders(),
                base.context(), "lease-1", true);
        fromPbx(withSdp(invite, CALLER_SDP));
        SipRequest toGw1 = lastRequestTo(GW1);
        from(GW1, ok(toGw1, proxiesAfterUs));
        assertEquals(200, statusesTo(PBX).get(statusesTo(PBX).size() - 1));
        return toGw1.header(HeaderName.RECORD_ROUTE);
    }

    List<SipRequest> byesTo(InetSocketAddress peer, int skip) {
        return sentTo(peer).stream().skip(skip).filter(s -> s.message() instanceof SipRequest r
                && r.method().name().equals("BYE")).map(s -> (SipRequest) s.message()).toList();
    }

    List<CallEvents.End> ends() {
        return events.stream().filter(e -> e instanceof CallEvents.End).map(e -> (CallEvents.End) e).toList();
    }

    @Test
    void anAnsweredCallWithoutMediaGetsAByeOnEachSideAsTheOtherPartyWouldSendIt() {
        answeredCall(INVITE.replace("Contact: <sip:100@192.0.2.10:5060>",
                "Contact: \"Desk\" <sip:100@192.0.2.10:5060;ob>"));
        assertEquals(2, relay1.teardowns, "the offer's context, then the answer's");
        int atPbx = sentTo(PBX).size();
        int atGw = sentTo(GW1).size();

        timeouts.onEvent(timedOut(relay1));

        List<SipRequest> toPbx = byesTo(PBX, atPbx);
        assertEquals(1, toPbx.size(), "one BYE to the caller at its recorded source");
        SipRequest byeToCaller = toPbx.get(0);
        assertEquals("sip:100@192.0.2.10:5060;ob", byeToCaller.requestUriText(), "Request-URI: the caller's Contact");
        assertEquals(List.of(), byeToCaller.headerValues(HeaderName.ROUTE), "no proxy before the edge: no Route");
        assertEquals("gw", byeToCaller.fromTag(), "From: the callee, with its tag");
        assertEquals("sip:+4930123456@sip.example.net", byeToCaller.from().uri().toString());
        assertEquals("pbx", byeToCaller.toTag(), "To: the caller, with its tag");
        assertEquals("call-1@192.0.2.10", byeToCaller.callId());
        assertEquals(1, byeToCaller.cseq().number(), "the callee sent no request: any CSeq is in order");
        assertEquals(CallTeardown.REASON, byeToCaller.header("Reason"));
        assertEquals(70, byeToCaller.maxForwards());
        assertTrue(byeToCaller.topVia().branch().startsWith("z9hG4bK-e1-"), "own Via, branch naming this replica");
        assertEquals(1, byeToCaller.vias().size());

        List<SipRequest> toGw = byesTo(GW1, atGw);
        assertEquals(1, toGw.size(), "one BYE to the carrier, resolved from its Contact");
        SipRequest byeToCallee = toGw.get(0);
        assertEquals(CALLEE_CONTACT, byeToCallee.requestUriText());
        assertEquals("pbx", byeToCallee.fromTag());
        assertEquals("gw", byeToCallee.toTag());
        assertEquals(2, byeToCallee.cseq().number(), "one above the caller's INVITE");
        assertEquals(CallTeardown.REASON, byeToCallee.header("Reason"));
        assertTrue(!byeToCallee.topVia().branch().equals(byeToCaller.topVia().branch()), "a fresh branch each");

        assertEquals(List.of(new CallEvents.End("call-1@192.0.2.10", AT, 200, "OK", CallEvents.Side.PLATFORM,
                CallEvents.Cause.MEDIA_TIMEOUT)), ends(), "the CDR ends once, by the platform");
        assertEquals("delete call-1@192.0.2.10 pbx gw", relay1.calls.get(relay1.calls.size() - 1));
        assertTrue(events.stream().anyMatch(e -> e instanceof CallEvents.MediaStats), "the relay's statistics");
        assertEquals(List.of("lease-1/call-1@192.0.2.10"), released, "the concurrent-call slot is given back");
        assertEquals(1, stats.handled(RelayEvent.Kind.MEDIA_TIMEOUT));

        // the parties' answers end the BYE transactions here: nothing is forwarded anywhere
        int wireBefore = wire.size();
        from(PBX, SipMessageBuilder.responseTo(byeToCaller, SipStatus.of(200)).build());
        from(GW1, SipMessageBuilder.responseTo(byeToCallee, SipStatus.of(481)).build());
        assertEquals(wireBefore, wire.size(), "responses to the edge's own BYEs are absorbed");
        assertEquals(1, stats.byes(TeardownStats.Bye.ANSWERED));
        assertEquals(1, stats.byes(TeardownStats.Bye.REJECTED));
    }

    @Test
    void theByesCarryEachSidesRouteSetAndGoToTheFirstProxy() {
        // a proxy before the edge (192.0.2.20) and one after it (198.51.100.7) record-routed the call
        String invite = INVITE.replace("Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bKpbx1;rport\n",
                "Via: SIP/2.0/UDP 192.0.2.20:5060;branch=z9hG4bKproxy1\n"
                        + "Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bKpbx1;rport\n"
                        + "Record-Route: <sip:192.0.2.20;lr;pbxside>\n");
        answeredCall(invite, "<sip:198.51.100.7;lr;carrierside>");
        int atPbx = sentTo(PBX).size();
        InetSocketAddress carrierProxy = new InetSocketAddress("198.51.100.7", 5060);

        timeouts.onEvent(timedOut(relay1));

        SipRequest byeToCaller = byesTo(PBX, atPbx).get(0);
        assertEquals(List.of("<sip:192.0.2.20;lr;pbxside>"), byeToCaller.headerValues(HeaderName.ROUTE));
        assertEquals("sip:100@192.0.2.10:5060", byeToCaller.requestUriText());
        SipRequest byeToCallee = byesTo(carrierProxy, 0).get(0);
        assertEquals(List.of("<sip:198.51.100.7;lr;carrierside>"), byeToCallee.headerValues(HeaderName.ROUTE),
                "the callee's route set: the 2xx's Record-Route above the edge's own");
        assertEquals(CALLEE_CONTACT, byeToCallee.requestUriText());
    }

    @Test
    void aReInviteFromTheCallerRefreshesItsTargetAndCSeqInTheContext() {
        String rr = answeredCall(INVITE);
        fromPbx(withSdp(fromCaller("INVITE", 7, "z9hG4bKhold", rr)
                .replace("Contact: <sip:100@192.0.2.10:5060>", "Contact: <sip:100@192.0.2.10:5062>"),
                DialogMediaTest.HOLD_SDP));
        SipRequest reInvite = lastRequestTo(GW1);
        from(GW1, ok(reInvite));
        assertEquals(4, relay1.teardowns, "the re-offer's context, then its answer's");
        int atPbx = sentTo(PBX).size();
        int atGw = sentTo(GW1).size();

        timeouts.onEvent(timedOut(relay1));

        SipRequest byeToCallee = byesTo(GW1, atGw).get(0);
        assertEquals(8, byeToCallee.cseq().number(), "one above the caller's re-INVITE");
        SipRequest byeToCaller = byesTo(PBX, atPbx).get(0);
        assertEquals("sip:100@192.0.2.10:5062", byeToCaller.requestUriText(), "the caller's refreshed target");
        assertEquals(2147483647L, byeToCaller.cseq().number(),
                "the callee's requests were not seen: the highest CSeq, in order whatever it sent");
    }

    @Test
    void aReInviteThroughAProxyLeavesTheRelaysContextAsItWas() {
        String rr = answeredCall(INVITE);
        byte[] answered = relay1.teardown;
        fromPbx(withSdp(fromCaller("INVITE", 3, "z9hG4bKviaproxy", rr).replace("Via: SIP/2.0/UDP",
                "Via: SIP/2.0/UDP 192.0.2.30:5060;branch=z9hG4bKp\nVia: SIP/2.0/UDP"), DialogMediaTest.HOLD_SDP));
        from(GW1, ok(lastRequestTo(GW1)));
        assertArrayEquals(answered, relay1.teardown, "its route set is unknown: no context sent");
        assertEquals(1, seal.unsent(TeardownSeal.Unsent.ROUTE_SET_UNKNOWN));
    }

    @Test
    void aCallerOnAnotherReplicasConnectionGetsItsByeThroughThatReplica() {
        Decision.Proxy base = (Decision.Proxy) twoCarriers();
        nextDecision = new Decision.Proxy(base.decisionId(), base.groups(), base.addHeaders(), base.removeHeaders(),
                base.context(), null, true);
        SipRequest invite = (SipRequest) parse(withSdp(INVITE
                .replace("SIP/2.0/UDP 192.0.2.10", "SIP/2.0/TCP 192.0.2.10")
                .replace("<sip:100@192.0.2.10:5060>", "<sip:100@192.0.2.10:5060;transport=tcp>"), CALLER_SDP));
        layer.onRequest(new io.sipplatform.edge.transport.Inbound(invite,
                io.sipplatform.edge.transport.Transport.TCP, PBX, EDGE, "f1", System.nanoTime())); // owned by e1
        from(GW1, ok(lastRequestTo(GW1)));
        // the relay's event reaches replica e2, which owns no connection to the PBX
        Replica second = replica(me.advertised());
        TeardownStats secondStats = new TeardownStats();
        CallTeardown secondTeardown = new CallTeardown(new EdgeIdentity("e2", me.advertised(), me.domains()),
                nextHops, upstream(relays()), events::add, (callId, task) -> task.accept(second.layer()),
                secondStats);
        new MediaTimeouts(seal, secondTeardown, secondStats, () -> nanos).onEvent(timedOut(relay1));

        Sent byeToPbx = second.wire().stream().filter(s -> s.to().address().equals(PBX)).findFirst().orElseThrow();
        assertEquals(io.sipplatform.edge.transport.Transport.TCP, byeToPbx.to().transport());
        assertEquals("e1/f1", byeToPbx.to().flowId(), "the hand-off sender passes it to e1, which writes it on f1");
        SipRequest bye = (SipRequest) byeToPbx.message();
        assertEquals("sip:100@192.0.2.10:5060;transport=tcp", bye.requestUriText());
        assertEquals("TCP", bye.topVia().transport());
        assertTrue(bye.topVia().branch().startsWith("z9hG4bK-e2-"), "its response is handed back to e2");
        assertTrue(second.wire().stream().anyMatch(s -> s.to().address().equals(GW1)), "and the carrier's BYE");
    }

    @Test
    void theByeToTheCarrierIsRetransmittedOverUdpUntilItIsAnswered() {
        answeredCall(INVITE);
        int atGw = sentTo(GW1).size();
        timeouts.onEvent(timedOut(relay1));
        timers.advance(java.time.Duration.ofMillis(1600)); // Timer E at 0.5 s and 1.5 s
        List<SipRequest> byes = byesTo(GW1, atGw);
        assertEquals(3, byes.size(), "Timer E retransmits the edge's own BYE (RFC 3261 §17.1.2.2)");
        from(GW1, SipMessageBuilder.responseTo(byes.get(0), SipStatus.of(200)).build());
        assertTrue(timers.isPending("K"), "answered: the transaction only absorbs retransmissions now");
        assertEquals(1, stats.byes(TeardownStats.Bye.ANSWERED));
    }

    @Test
    void aSilentPartyEndsItsByeByTimerFAndTheCallIsEndedAnyway() {
        answeredCall(INVITE);
        timeouts.onEvent(timedOut(relay1));
        timers.advance(java.time.Duration.ofSeconds(33));
        assertEquals(2, stats.byes(TeardownStats.Bye.TIMEOUT), "both phones gone: Timer F for both BYEs");
        assertEquals(1, ends().size());
    }

    @Test
    void theSameEventTwiceEndsTheCallOnce() {
        answeredCall(INVITE);
        int atGw = sentTo(GW1).size();
        timeouts.onEvent(timedOut(relay1));
        timeouts.onEvent(timedOut(relay1));
        assertEquals(1, byesTo(GW1, atGw).size());
        assertEquals(1, ends().size());
        assertEquals(1, stats.ignored(TeardownStats.Ignored.DUPLICATE));
    }

    @Test
    void aForgedOrAlteredContextEndsNothing() {
        answeredCall(INVITE);
        int before = wire.size();
        TeardownSeal otherCluster = new TeardownSeal(new RouteToken(List.of(
                "another-secret-0123456789abcdef".getBytes(StandardCharsets.UTF_8))));
        TeardownContext.Party victim = new TeardownContext.Party("<sip:x@victim.example>;tag=v",
                "sip:x@203.0.113.99", List.of(), null, 1);
        byte[] forged = otherCluster.seal(new TeardownContext(true, "call-1@192.0.2.10", victim, victim, null));
        byte[] altered = relay1.teardown.clone();
        altered[20] ^= 1;

        timeouts.onEvent(event(RelayEvent.Kind.MEDIA_TIMEOUT, "call-1@192.0.2.10", forged));
        timeouts.onEvent(event(RelayEvent.Kind.MEDIA_TIMEOUT, "call-1@192.0.2.10", altered));

        assertEquals(before, wire.size(), "no BYE anywhere");
        assertEquals(List.of(), ends());
        assertEquals(2, stats.ignored(TeardownStats.Ignored.FORGED));
    }

    @Test
    void aContextOfAnotherCallEndsNothing() {
        answeredCall(INVITE);
        int before = wire.size();
        timeouts.onEvent(event(RelayEvent.Kind.MEDIA_TIMEOUT, "call-2@192.0.2.10", relay1.teardown));
        assertEquals(before, wire.size());
        assertEquals(1, stats.ignored(TeardownStats.Ignored.MALFORMED));
    }

    @Test
    void aCallNotAnsweredYetIsNotEnded() {
        Decision.Proxy base = (Decision.Proxy) twoCarriers();
        nextDecision = new Decision.Proxy(base.decisionId(), base.groups(), base.addHeaders(), base.removeHeaders(),
                base.context(), null, true);
        fromPbx(withSdp(INVITE, CALLER_SDP));
        from(GW1, DialogMediaTest.withBody(lastRequestTo(GW1), 183, CALLEE_SDP)); // early media, no context
        assertEquals(1, relay1.teardowns, "only the offer's");
        int before = wire.size();

        timeouts.onEvent(timedOut(relay1));

        assertEquals(before, wire.size(), "no BYE for a ringing call (its INVITE may still be cancelled)");
        assertEquals(List.of(), ends());
        assertEquals(1, stats.ignored(TeardownStats.Ignored.UNCONFIRMED));
    }

    @Test
    void anEventWithoutContextAndOtherEventsEndNothing() {
        answeredCall(INVITE);
        timeouts.onEvent(event(RelayEvent.Kind.MEDIA_TIMEOUT, "call-1@192.0.2.10", new byte[0]));
        timeouts.onEvent(event(RelayEvent.Kind.OTHER, "call-1@192.0.2.10", relay1.teardown));
        assertEquals(List.of(), ends());
        assertEquals(1, stats.ignored(TeardownStats.Ignored.NO_CONTEXT));
        assertEquals(1, stats.ignored(TeardownStats.Ignored.OTHER_EVENT));
    }

    @Test
    void aSessionTheRelayExpiredIsEndedWithItsFinalStatisticsAndNoDelete() {
        answeredCall(INVITE);
        int relayCalls = relay1.calls.size();
        CallEvents.MediaStream caller = new CallEvents.MediaStream(true, 0, "audio", "PCMU", 10, 1720, 0, 0, 4.2);
        timeouts.onEvent(new RelayEvent("r1", RelayEvent.Kind.SESSION_EXPIRED, "call-1@192.0.2.10",
                relay1.teardown, AT, callerTag -> "pbx".equals(callerTag) ? List.of(caller) : List.of()));
        assertEquals(1, ends().size());
        assertEquals(relayCalls, relay1.calls.size(), "the relay released the session itself");
        assertEquals(List.of(new CallEvents.MediaStats("call-1@192.0.2.10", AT, List.of(caller))),
                events.stream().filter(e -> e instanceof CallEvents.MediaStats).toList());
        assertEquals(1, stats.handled(RelayEvent.Kind.SESSION_EXPIRED));
    }

    @Test
    void aLateByeFromAPartyEndsTheCallWithTheSameCdrEventKind() {
        String rr = answeredCall(INVITE);
        timeouts.onEvent(timedOut(relay1));
        fromPbx(byeFromPbx("z9hG4bKlatebye", rr)); // the phone came back and hangs up
        assertEquals(2, ends().size(), "the edge reports it; cdr-service keeps the first (same call, leg, sequence)");
        assertEquals(CallEvents.Cause.MEDIA_TIMEOUT, ends().get(0).cause());
    }

    @Test
    void aContextAboveTheRelaysLimitIsNotSentAndTheCallGoesOn() {
        StringBuilder invite = new StringBuilder(INVITE.replace(
                "Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bKpbx1;rport\n",
                "Via: SIP/2.0/UDP 192.0.2.20:5060;branch=z9hG4bKproxy1\n"
                        + "Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bKpbx1;rport\n"));
        String longRoute = "Record-Route: <sip:192.0.2.20;lr;x=" + "a".repeat(200) + ">\n";
        int at = invite.indexOf("From:");
        invite.insert(at, longRoute.repeat(25));
        answeredCall(invite.toString());
        assertEquals(0, relay1.teardowns, "over 4096 bytes: nothing sent");
        assertEquals(2, seal.unsent(TeardownSeal.Unsent.OVERSIZE));
        assertEquals(200, statusesTo(PBX).get(statusesTo(PBX).size() - 1), "the call itself is not affected");
    }

    @Test
    void aSealedContextReadsBackAndStaysWithinTheRelaysLimit() {
        answeredCall(INVITE);
        byte[] sealed = relay1.teardown;
        assertTrue(sealed.length < 400, "compact: " + sealed.length + " bytes");
        TeardownContext c = TeardownSeal.decode(seal.verify(sealed).orElseThrow()).orElseThrow();
        assertTrue(c.confirmed());
        assertEquals("pbx", c.caller().tag());
        assertEquals("gw", c.callee().tag());
        assertEquals("UDP|192.0.2.10|5060", c.caller().reach());
        assertNull(c.callee().reach(), "a carrier is reached by its Contact");
        assertEquals("lease-1", c.leaseId());
        assertArrayEquals(sealed, seal.seal(c), "deterministic");
        assertTrue(Arrays.equals(sealed, relay1.teardown));
    }
}
