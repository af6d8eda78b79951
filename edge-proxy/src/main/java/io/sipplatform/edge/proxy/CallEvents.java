package io.sipplatform.edge.proxy;

import io.sipplatform.edge.transport.Transport;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Call events the proxy core reports for CDRs (attempt, leg attempts, first progress, answer, end), as plain values;
 * the upstream adapter turns them into cdr.v1 events and makes sure none is lost. Sequence numbers are fixed per
 * kind of event (and per leg), so the same event reported twice, or by two edge replicas, de-duplicates at the CDR
 * service (call id + leg + sequence).
 */
public interface CallEvents {

    /** Sequence numbers per event kind. */
    int SEQ_ATTEMPT = 1;
    int SEQ_PROGRESS = 2;
    int SEQ_ANSWER = 3;
    int SEQ_END = 4;
    int SEQ_MEDIA = 5;
    int SEQ_LEG_BASE = 100;

    /** An event. */
    sealed interface Event permits Attempt, LegAttempt, Progress, Answer, End, MediaStats {
        String callId();

        Instant at();
    }

    /**
     * INVITE received and routed (or rejected).
     *
     * @param context routing's call context: customer, trunk, direction, caller/callee E.164, route prefix
     */
    record Attempt(String callId, Instant at, String decisionId, String fromUri, String toUri, String requestUri,
                   Transport transport, InetSocketAddress source, Map<String, String> context) implements Event {
        public Attempt {
            context = Map.copyOf(context);
        }
    }

    /** One outbound branch ended: leg number from 1, its gateway, final code (408 timeout, 503 transport error). */
    record LegAttempt(String callId, Instant at, int leg, String gatewayId, String carrierId, String requestUri,
                      int code,
                      String reason, boolean timeout, boolean transportError, long postDialDelayMillis)
            implements Event {
    }

    /** First provisional response above 100 relayed to the caller. */
    record Progress(String callId, Instant at, int code, boolean earlyMedia) implements Event {
    }

    /** 2xx relayed to the caller. */
    record Answer(String callId, Instant at, String gatewayId, String carrierId) implements Event {
    }

    /**
     * What one party sent through the relay during the call, from the relay's statistics at delete.
     *
     * @param caller true for the calling party's stream, false for the called party's
     */
    record MediaStream(boolean caller, int index, String mediaType, String codec, long packets, long bytes,
                       long packetsLost, long jitterMicros, double mos) {
    }

    /** The relay's final statistics of a call's media, for the CDR's quality columns. */
    record MediaStats(String callId, Instant at, List<MediaStream> streams) implements Event {
        public MediaStats {
            streams = List.copyOf(streams);
        }
    }

    /** The call ended: final code (for answered calls 200), who hung up, why. */
    record End(String callId, Instant at, int code, String reason, Side hangupSide, Cause cause) implements Event {
    }

    /** Hang-up side. */
    enum Side { CALLER, CALLEE, PLATFORM }

    /** End cause; MEDIA_TIMEOUT: the edge ended the answered call because the relay saw no media. */
    enum Cause { BYE, CANCEL, REJECTED, TIMEOUT, ROUTING_REJECTED, MEDIA_TIMEOUT }

    /** Reports an event; never blocks, never throws. */
    void report(Event event);

    /** Reports nothing (tests, or no CDR service configured). */
    CallEvents NONE = e -> { };
}
