package io.sipplatform.cdr.domain;

import java.time.Duration;
import java.time.Instant;

/** One outbound branch of a call, as its leg-attempt event reported it. */
public record Leg(int leg, String carrierId, String gatewayId, String requestUri, Instant sentAt, int code,
        String reason, LegFailure failure, Duration postDialDelay) {
    static Leg of(int leg, EventBody.LegAttempt a) {
        return new Leg(leg, a.carrierId(), a.gatewayId(), a.requestUri(), a.sentAt(), a.code(), a.reason(),
                a.failure(), a.postDialDelay());
    }
}
