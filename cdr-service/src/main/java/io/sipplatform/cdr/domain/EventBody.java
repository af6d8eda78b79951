package io.sipplatform.cdr.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** What a call event says happened; one record per kind of event. */
public sealed interface EventBody {
    /** Short name of the kind, as stored next to the event. */
    String kind();

    /** The caller's INVITE arrived (leg 0). Empty strings for what is not known. */
    record Attempt(String customerId, String trunkId, Direction direction, String fromUri, String toUri,
            String requestUri, String callerE164, String calleeE164, String routePrefix, boolean emergency)
            implements EventBody {
        public Attempt {
            customerId = text(customerId);
            trunkId = text(trunkId);
            direction = direction == null ? Direction.UNKNOWN : direction;
            fromUri = text(fromUri);
            toUri = text(toUri);
            requestUri = text(requestUri);
            callerE164 = text(callerE164);
            calleeE164 = text(calleeE164);
            routePrefix = text(routePrefix);
        }

        @Override
        public String kind() {
            return "attempt";
        }
    }

    /**
     * One outbound branch ended: with a final response (code 200..699, failure NONE) or without one (code 0 and
     * a failure). Post-dial delay is null when no 18x arrived on the branch.
     */
    record LegAttempt(String carrierId, String gatewayId, String requestUri, Instant sentAt, int code, String reason,
            LegFailure failure, Duration postDialDelay) implements EventBody {
        public LegAttempt {
            carrierId = text(carrierId);
            gatewayId = text(gatewayId);
            requestUri = text(requestUri);
            reason = text(reason);
            failure = failure == null ? LegFailure.UNKNOWN : failure;
            if (code != 0 && (code < 100 || code > 699)) {
                throw new IllegalArgumentException("SIP status code out of range: " + code);
            }
        }

        @Override
        public String kind() {
            return "leg_attempt";
        }
    }

    /** The first provisional response (180..199) went back to the caller, or arrived on a branch. */
    record Progress(int code, boolean earlyMedia) implements EventBody {
        @Override
        public String kind() {
            return "progress";
        }
    }

    /** The call was answered; carrier and gateway of the answering branch, first codec of the answer SDP. */
    record Answer(String carrierId, String gatewayId, String codec) implements EventBody {
        public Answer {
            carrierId = text(carrierId);
            gatewayId = text(gatewayId);
            codec = text(codec);
        }

        @Override
        public String kind() {
            return "answer";
        }
    }

    /** The call ended: final code towards the caller (200 when answered), Q.850 cause (0 = none), side and cause. */
    record End(int code, String reason, int q850Cause, HangupSide hangupSide, EndCause cause) implements EventBody {
        public End {
            reason = text(reason);
            hangupSide = hangupSide == null ? HangupSide.UNKNOWN : hangupSide;
            cause = cause == null ? EndCause.UNKNOWN : cause;
        }

        @Override
        public String kind() {
            return "end";
        }
    }

    /** Media statistics of the call from the relay. */
    record Media(String relayId, List<MediaStream> streams) implements EventBody {
        public Media {
            relayId = text(relayId);
            streams = List.copyOf(streams);
        }

        @Override
        public String kind() {
            return "media";
        }
    }

    /**
     * This service closed the call because no end event came within the maximum duration. A real end event, when
     * it arrives later, overrides it.
     */
    record OrphanClosed() implements EventBody {
        @Override
        public String kind() {
            return "orphan_closed";
        }
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
