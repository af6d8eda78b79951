package io.sipplatform.edge.upstream;

import com.google.protobuf.Timestamp;
import io.sipplatform.edge.proxy.CallEvents;
import io.sipplatform.proto.cdr.v1.CallAnswer;
import io.sipplatform.proto.cdr.v1.CallAttempt;
import io.sipplatform.proto.cdr.v1.CallEnd;
import io.sipplatform.proto.cdr.v1.CallEvent;
import io.sipplatform.proto.cdr.v1.CallProgress;
import io.sipplatform.proto.cdr.v1.EndCause;
import io.sipplatform.proto.cdr.v1.HangupSide;
import io.sipplatform.proto.cdr.v1.LegFailure;
import io.sipplatform.proto.common.v1.CallDirection;
import io.sipplatform.proto.common.v1.SipOutcome;
import io.sipplatform.proto.common.v1.TransportAddress;

import java.time.Instant;
import java.util.Map;

/** The proxy's call events as cdr.v1 events, handed to the spool (which makes sure none is lost). */
public final class CdrEvents implements CallEvents {
    private final CdrSpool spool;
    private final String edgeId;
    private final String site;

    public CdrEvents(CdrSpool spool, String edgeId, String site) {
        this.spool = spool;
        this.edgeId = edgeId;
        this.site = site;
    }

    @Override
    public void report(Event event) {
        spool.offer(toProto(event, edgeId, site));
    }

    static CallEvent toProto(Event e, String edgeId, String site) {
        CallEvent.Builder b = CallEvent.newBuilder().setCallId(e.callId()).setEdgeId(edgeId).setSite(site)
                .setEventTime(ts(e.at()));
        if (e instanceof Attempt a) {
            Map<String, String> c = a.context();
            CallAttempt.Builder ab = CallAttempt.newBuilder()
                    .setFromUri(nz(a.fromUri())).setToUri(nz(a.toUri())).setRequestUri(nz(a.requestUri()))
                    .setCustomerId(c.getOrDefault("customer", "")).setTrunkId(c.getOrDefault("trunk", ""))
                    .setCallerE164(c.getOrDefault("callerE164", "")).setCalleeE164(c.getOrDefault("calleeE164", ""))
                    .setRoutePrefix(c.getOrDefault("routePrefix", ""))
                    .setDirection(switch (c.getOrDefault("direction", "")) {
                        case "inbound" -> CallDirection.CALL_DIRECTION_INBOUND;
                        case "outbound" -> CallDirection.CALL_DIRECTION_OUTBOUND;
                        default -> CallDirection.CALL_DIRECTION_UNSPECIFIED;
                    });
            if (a.source() != null) {
                ab.setSource(TransportAddress.newBuilder()
                        .setIp(a.source().getAddress() != null ? a.source().getAddress().getHostAddress()
                                : a.source().getHostString())
                        .setPort(a.source().getPort()).setTransport(ProtoMapping.transport(a.transport())));
            }
            b.setLeg(0).setSequence(SEQ_ATTEMPT).setDecisionId(nz(a.decisionId())).setAttempt(ab);
        } else if (e instanceof CallEvents.LegAttempt l) {
            io.sipplatform.proto.cdr.v1.LegAttempt.Builder lb = io.sipplatform.proto.cdr.v1.LegAttempt.newBuilder().setGatewayId(nz(l.gatewayId()))
                    .setCarrierId(nz(l.carrierId()))
                    .setRequestUri(nz(l.requestUri()))
                    .setPostDialDelay(com.google.protobuf.Duration.newBuilder()
                            .setSeconds(l.postDialDelayMillis() / 1000)
                            .setNanos((int) (l.postDialDelayMillis() % 1000) * 1_000_000));
            if (l.timeout()) {
                lb.setFailure(LegFailure.LEG_FAILURE_TIMEOUT);
            } else if (l.transportError()) {
                lb.setFailure(LegFailure.LEG_FAILURE_TRANSPORT_ERROR);
            } else {
                lb.setResponse(SipOutcome.newBuilder().setCode(l.code()).setReason(nz(l.reason())));
            }
            b.setLeg(l.leg()).setSequence(SEQ_LEG_BASE + l.leg()).setLegAttempt(lb);
        } else if (e instanceof Progress p) {
            b.setLeg(0).setSequence(SEQ_PROGRESS).setProgress(CallProgress.newBuilder()
                    .setResponse(SipOutcome.newBuilder().setCode(p.code())).setEarlyMedia(p.earlyMedia()));
        } else if (e instanceof Answer a) {
            b.setLeg(0).setSequence(SEQ_ANSWER).setAnswer(CallAnswer.newBuilder().setGatewayId(nz(a.gatewayId()))
                    .setCarrierId(nz(a.carrierId())));
        } else if (e instanceof CallEvents.MediaStats m) {
            io.sipplatform.proto.cdr.v1.MediaStats.Builder mb = io.sipplatform.proto.cdr.v1.MediaStats.newBuilder();
            for (CallEvents.MediaStream s : m.streams()) {
                mb.addStreams(io.sipplatform.proto.cdr.v1.MediaStreamSummary.newBuilder()
                        .setSide(s.caller() ? io.sipplatform.proto.cdr.v1.CallSide.CALL_SIDE_CALLER
                                : io.sipplatform.proto.cdr.v1.CallSide.CALL_SIDE_CALLEE)
                        .setStreamIndex(s.index()).setMediaType(nz(s.mediaType())).setCodec(nz(s.codec()))
                        .setPackets(s.packets()).setBytes(s.bytes()).setPacketsLost(s.packetsLost())
                        .setJitter(com.google.protobuf.Duration.newBuilder().setSeconds(s.jitterMicros() / 1_000_000)
                                .setNanos((int) (s.jitterMicros() % 1_000_000) * 1000))
                        .setMos(s.mos()));
            }
            b.setLeg(0).setSequence(SEQ_MEDIA).setMediaStats(mb);
        } else if (e instanceof End end) {
            b.setLeg(0).setSequence(SEQ_END).setEnd(CallEnd.newBuilder()
                    .setFinalResponse(SipOutcome.newBuilder().setCode(end.code()).setReason(nz(end.reason())))
                    .setHangupSide(switch (end.hangupSide()) {
                        case CALLER -> HangupSide.HANGUP_SIDE_CALLER;
                        case CALLEE -> HangupSide.HANGUP_SIDE_CALLEE;
                        case PLATFORM -> HangupSide.HANGUP_SIDE_PLATFORM;
                    })
                    .setCause(switch (end.cause()) {
                        case BYE -> EndCause.END_CAUSE_BYE;
                        case CANCEL -> EndCause.END_CAUSE_CANCEL;
                        case REJECTED -> EndCause.END_CAUSE_REJECTED;
                        case TIMEOUT -> EndCause.END_CAUSE_TIMEOUT;
                        case ROUTING_REJECTED -> EndCause.END_CAUSE_ROUTING_REJECTED;
                        case MEDIA_TIMEOUT -> EndCause.END_CAUSE_MEDIA_TIMEOUT;
                    }));
        }
        return b.build();
    }

    private static Timestamp ts(Instant i) {
        return Timestamp.newBuilder().setSeconds(i.getEpochSecond()).setNanos(i.getNano()).build();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
