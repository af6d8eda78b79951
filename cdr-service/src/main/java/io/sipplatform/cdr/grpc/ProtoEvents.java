package io.sipplatform.cdr.grpc;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Timestamp;
import io.sipplatform.cdr.domain.CallEvent;
import io.sipplatform.cdr.domain.CallSide;
import io.sipplatform.cdr.domain.Direction;
import io.sipplatform.cdr.domain.EndCause;
import io.sipplatform.cdr.domain.EventBody;
import io.sipplatform.cdr.domain.EventKey;
import io.sipplatform.cdr.domain.HangupSide;
import io.sipplatform.cdr.domain.LegFailure;
import io.sipplatform.cdr.domain.MediaStream;
import io.sipplatform.cdr.store.EventCodec;
import io.sipplatform.proto.cdr.v1.CallAnswer;
import io.sipplatform.proto.cdr.v1.CallAttempt;
import io.sipplatform.proto.cdr.v1.CallEnd;
import io.sipplatform.proto.cdr.v1.CallProgress;
import io.sipplatform.proto.cdr.v1.LegAttempt;
import io.sipplatform.proto.cdr.v1.MediaStats;
import io.sipplatform.proto.cdr.v1.MediaStreamSummary;
import io.sipplatform.proto.common.v1.CallDirection;
import io.sipplatform.proto.common.v1.SipOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Protobuf CallEvent to and from the domain. Events are stored as their protobuf bytes; the orphan closing this
 * service writes itself is stored as leg 0, sequence 0 with a CallEnd of cause MAX_DURATION (the edge numbers from 1).
 */
public final class ProtoEvents implements EventCodec {

    /** An event from an edge; IllegalArgumentException names what is wrong with it. */
    public CallEvent fromEdge(io.sipplatform.proto.cdr.v1.CallEvent e) {
        if (e.getSequence() == 0) {
            throw new IllegalArgumentException("sequence must start at 1");
        }
        return toDomain(e);
    }

    @Override
    public CallEvent decode(byte[] payload) {
        try {
            return toDomain(io.sipplatform.proto.cdr.v1.CallEvent.parseFrom(payload));
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("stored event is not a CallEvent", e);
        }
    }

    @Override
    public byte[] encode(CallEvent event) {
        return toWire(event).toByteArray();
    }

    static CallEvent toDomain(io.sipplatform.proto.cdr.v1.CallEvent e) {
        if (!e.hasEventTime()) {
            throw new IllegalArgumentException("event_time is required");
        }
        // uint32 arrives as a Java int: values of 2^31 and above read as negative.
        if (e.getSequence() < 0 || e.getLeg() < 0) {
            throw new IllegalArgumentException("leg and sequence must be below 2^31");
        }
        EventKey key = new EventKey(e.getCallId(), e.getLeg(), e.getSequence());
        boolean orphanKey = e.getLeg() == 0 && e.getSequence() == 0;
        EventBody body = orphanKey ? new EventBody.OrphanClosed() : body(e);
        return new CallEvent(key, e.getEdgeId(), e.getSite(), instant(e.getEventTime()), e.getDecisionId(), body);
    }

    private static EventBody body(io.sipplatform.proto.cdr.v1.CallEvent e) {
        switch (e.getEventCase()) {
            case ATTEMPT: {
                CallAttempt a = e.getAttempt();
                return new EventBody.Attempt(a.getCustomerId(), a.getTrunkId(), direction(a.getDirection()),
                        a.getFromUri(), a.getToUri(), a.getRequestUri(), a.getCallerE164(), a.getCalleeE164(),
                        a.getRoutePrefix(), a.getEmergency());
            }
            case LEG_ATTEMPT: {
                LegAttempt l = e.getLegAttempt();
                int code = l.hasResponse() ? code(l.getResponse()) : 0;
                LegFailure failure = l.hasResponse() ? LegFailure.NONE : failure(l.getFailure());
                return new EventBody.LegAttempt(l.getCarrierId(), l.getGatewayId(), l.getRequestUri(),
                        l.hasSentAt() ? instant(l.getSentAt()) : null, code,
                        l.hasResponse() ? l.getResponse().getReason() : "", failure,
                        l.hasPostDialDelay() ? duration(l.getPostDialDelay()) : null);
            }
            case PROGRESS: {
                CallProgress p = e.getProgress();
                return new EventBody.Progress(code(p.getResponse()), p.getEarlyMedia());
            }
            case ANSWER: {
                CallAnswer a = e.getAnswer();
                return new EventBody.Answer(a.getCarrierId(), a.getGatewayId(), a.getCodec());
            }
            case END: {
                CallEnd end = e.getEnd();
                SipOutcome r = end.getFinalResponse();
                return new EventBody.End(code(r), r.getReason(), r.getQ850Cause(), side(end.getHangupSide()),
                        cause(end.getCause()));
            }
            case MEDIA_STATS: {
                MediaStats m = e.getMediaStats();
                List<MediaStream> streams = new ArrayList<>();
                for (MediaStreamSummary s : m.getStreamsList()) {
                    if (s.getPackets() < 0 || s.getBytes() < 0 || s.getPacketsLost() < 0) {
                        throw new IllegalArgumentException("media counters above 2^63");
                    }
                    streams.add(new MediaStream(callSide(s.getSide()), s.getStreamIndex(), s.getMediaType(),
                            s.getCodec(), s.getPackets(), s.getBytes(), s.getPacketsLost(),
                            s.hasJitter() ? duration(s.getJitter()) : Duration.ZERO, s.getMos()));
                }
                return new EventBody.Media(m.getRelayId(), streams);
            }
            default:
                throw new IllegalArgumentException("event must set one of attempt, leg_attempt, progress, answer, "
                        + "end, media_stats");
        }
    }

    /** The protobuf form of an event, as the edge sends it (and as it is stored). */
    public static io.sipplatform.proto.cdr.v1.CallEvent toWire(CallEvent e) {
        io.sipplatform.proto.cdr.v1.CallEvent.Builder b = io.sipplatform.proto.cdr.v1.CallEvent.newBuilder()
                .setCallId(e.callId()).setLeg(e.key().leg()).setSequence(e.key().sequence())
                .setEdgeId(e.edgeId()).setSite(e.site()).setEventTime(timestamp(e.time()))
                .setDecisionId(e.decisionId());
        EventBody body = e.body();
        if (body instanceof EventBody.Attempt) {
            EventBody.Attempt a = (EventBody.Attempt) body;
            b.setAttempt(CallAttempt.newBuilder().setCustomerId(a.customerId()).setTrunkId(a.trunkId())
                    .setDirection(direction(a.direction())).setFromUri(a.fromUri()).setToUri(a.toUri())
                    .setRequestUri(a.requestUri()).setCallerE164(a.callerE164()).setCalleeE164(a.calleeE164())
                    .setRoutePrefix(a.routePrefix()).setEmergency(a.emergency()));
        } else if (body instanceof EventBody.LegAttempt) {
            EventBody.LegAttempt l = (EventBody.LegAttempt) body;
            LegAttempt.Builder lb = LegAttempt.newBuilder().setCarrierId(l.carrierId()).setGatewayId(l.gatewayId())
                    .setRequestUri(l.requestUri());
            if (l.sentAt() != null) {
                lb.setSentAt(timestamp(l.sentAt()));
            }
            if (l.failure() == LegFailure.NONE) {
                lb.setResponse(SipOutcome.newBuilder().setCode(l.code()).setReason(l.reason()));
            } else {
                lb.setFailure(failure(l.failure()));
            }
            if (l.postDialDelay() != null) {
                lb.setPostDialDelay(duration(l.postDialDelay()));
            }
            b.setLegAttempt(lb);
        } else if (body instanceof EventBody.Progress) {
            EventBody.Progress p = (EventBody.Progress) body;
            b.setProgress(CallProgress.newBuilder().setResponse(SipOutcome.newBuilder().setCode(p.code()))
                    .setEarlyMedia(p.earlyMedia()));
        } else if (body instanceof EventBody.Answer) {
            EventBody.Answer a = (EventBody.Answer) body;
            b.setAnswer(CallAnswer.newBuilder().setCarrierId(a.carrierId()).setGatewayId(a.gatewayId())
                    .setCodec(a.codec()));
        } else if (body instanceof EventBody.End) {
            EventBody.End end = (EventBody.End) body;
            b.setEnd(CallEnd.newBuilder().setFinalResponse(SipOutcome.newBuilder().setCode(end.code())
                    .setReason(end.reason()).setQ850Cause(end.q850Cause())).setHangupSide(side(end.hangupSide()))
                    .setCause(cause(end.cause())));
        } else if (body instanceof EventBody.Media) {
            EventBody.Media m = (EventBody.Media) body;
            MediaStats.Builder mb = MediaStats.newBuilder().setRelayId(m.relayId());
            for (MediaStream s : m.streams()) {
                mb.addStreams(MediaStreamSummary.newBuilder().setSide(callSide(s.side()))
                        .setStreamIndex(s.streamIndex()).setMediaType(s.mediaType()).setCodec(s.codec())
                        .setPackets(s.packets()).setBytes(s.bytes()).setPacketsLost(s.packetsLost())
                        .setJitter(duration(s.jitter())).setMos(s.mos()));
            }
            b.setMediaStats(mb);
        } else if (body instanceof EventBody.OrphanClosed) {
            b.setEnd(CallEnd.newBuilder().setHangupSide(io.sipplatform.proto.cdr.v1.HangupSide.HANGUP_SIDE_PLATFORM)
                    .setCause(io.sipplatform.proto.cdr.v1.EndCause.END_CAUSE_MAX_DURATION));
        }
        return b.build();
    }

    private static int code(SipOutcome outcome) {
        int code = outcome.getCode();
        if (code != 0 && (code < 100 || code > 699)) {
            throw new IllegalArgumentException("SIP status code out of range: " + Integer.toUnsignedString(code));
        }
        return code;
    }

    private static Instant instant(Timestamp t) {
        return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
    }

    private static Timestamp timestamp(Instant i) {
        return Timestamp.newBuilder().setSeconds(i.getEpochSecond()).setNanos(i.getNano()).build();
    }

    private static Duration duration(com.google.protobuf.Duration d) {
        return Duration.ofSeconds(d.getSeconds(), d.getNanos());
    }

    private static com.google.protobuf.Duration duration(Duration d) {
        return com.google.protobuf.Duration.newBuilder().setSeconds(d.getSeconds()).setNanos(d.getNano()).build();
    }

    private static Direction direction(CallDirection d) {
        switch (d) {
            case CALL_DIRECTION_INBOUND:
                return Direction.INBOUND;
            case CALL_DIRECTION_OUTBOUND:
                return Direction.OUTBOUND;
            default:
                return Direction.UNKNOWN;
        }
    }

    private static CallDirection direction(Direction d) {
        switch (d) {
            case INBOUND:
                return CallDirection.CALL_DIRECTION_INBOUND;
            case OUTBOUND:
                return CallDirection.CALL_DIRECTION_OUTBOUND;
            default:
                return CallDirection.CALL_DIRECTION_UNSPECIFIED;
        }
    }

    private static LegFailure failure(io.sipplatform.proto.cdr.v1.LegFailure f) {
        switch (f) {
            case LEG_FAILURE_TIMEOUT:
                return LegFailure.TIMEOUT;
            case LEG_FAILURE_TRANSPORT_ERROR:
                return LegFailure.TRANSPORT_ERROR;
            case LEG_FAILURE_CANCELLED:
                return LegFailure.CANCELLED;
            default:
                return LegFailure.UNKNOWN;
        }
    }

    private static io.sipplatform.proto.cdr.v1.LegFailure failure(LegFailure f) {
        switch (f) {
            case TIMEOUT:
                return io.sipplatform.proto.cdr.v1.LegFailure.LEG_FAILURE_TIMEOUT;
            case TRANSPORT_ERROR:
                return io.sipplatform.proto.cdr.v1.LegFailure.LEG_FAILURE_TRANSPORT_ERROR;
            case CANCELLED:
                return io.sipplatform.proto.cdr.v1.LegFailure.LEG_FAILURE_CANCELLED;
            default:
                return io.sipplatform.proto.cdr.v1.LegFailure.LEG_FAILURE_UNSPECIFIED;
        }
    }

    private static HangupSide side(io.sipplatform.proto.cdr.v1.HangupSide s) {
        switch (s) {
            case HANGUP_SIDE_CALLER:
                return HangupSide.CALLER;
            case HANGUP_SIDE_CALLEE:
                return HangupSide.CALLEE;
            case HANGUP_SIDE_PLATFORM:
                return HangupSide.PLATFORM;
            default:
                return HangupSide.UNKNOWN;
        }
    }

    private static io.sipplatform.proto.cdr.v1.HangupSide side(HangupSide s) {
        switch (s) {
            case CALLER:
                return io.sipplatform.proto.cdr.v1.HangupSide.HANGUP_SIDE_CALLER;
            case CALLEE:
                return io.sipplatform.proto.cdr.v1.HangupSide.HANGUP_SIDE_CALLEE;
            case PLATFORM:
                return io.sipplatform.proto.cdr.v1.HangupSide.HANGUP_SIDE_PLATFORM;
            default:
                return io.sipplatform.proto.cdr.v1.HangupSide.HANGUP_SIDE_UNSPECIFIED;
        }
    }

    // Enum names line up one to one (END_CAUSE_X <-> X); unknown numbers from newer edges become UNKNOWN.
    private static EndCause cause(io.sipplatform.proto.cdr.v1.EndCause c) {
        if (c == io.sipplatform.proto.cdr.v1.EndCause.UNRECOGNIZED
                || c == io.sipplatform.proto.cdr.v1.EndCause.END_CAUSE_UNSPECIFIED) {
            return EndCause.UNKNOWN;
        }
        return EndCause.valueOf(c.name().substring("END_CAUSE_".length()));
    }

    private static io.sipplatform.proto.cdr.v1.EndCause cause(EndCause c) {
        return c == EndCause.UNKNOWN ? io.sipplatform.proto.cdr.v1.EndCause.END_CAUSE_UNSPECIFIED
                : io.sipplatform.proto.cdr.v1.EndCause.valueOf("END_CAUSE_" + c.name());
    }

    private static CallSide callSide(io.sipplatform.proto.cdr.v1.CallSide s) {
        switch (s) {
            case CALL_SIDE_CALLER:
                return CallSide.CALLER;
            case CALL_SIDE_CALLEE:
                return CallSide.CALLEE;
            default:
                return CallSide.UNKNOWN;
        }
    }

    private static io.sipplatform.proto.cdr.v1.CallSide callSide(CallSide s) {
        switch (s) {
            case CALLER:
                return io.sipplatform.proto.cdr.v1.CallSide.CALL_SIDE_CALLER;
            case CALLEE:
                return io.sipplatform.proto.cdr.v1.CallSide.CALL_SIDE_CALLEE;
            default:
                return io.sipplatform.proto.cdr.v1.CallSide.CALL_SIDE_UNSPECIFIED;
        }
    }
}
