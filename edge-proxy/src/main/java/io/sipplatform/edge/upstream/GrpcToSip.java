package io.sipplatform.edge.upstream;

import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;

import java.time.Duration;

/**
 * The one table that turns an upstream gRPC failure (no answer was produced) into the SIP answer the edge sends.
 * Expected SIP outcomes never come this way: services return them as values. Overload and unavailability ask the
 * client to retry later (503 + Retry-After, RFC 3261 §21.5.4); a deadline is a 504 (§21.5.5); anything else is 500.
 */
public final class GrpcToSip {

    /**
     * The SIP answer for a failure.
     *
     * @param code       SIP status code
     * @param reason     reason phrase
     * @param retryAfter Retry-After to add, or null
     */
    public record SipAnswer(int code, String reason, Duration retryAfter) {
    }

    private final Duration retryAfter;

    /** @param retryAfter Retry-After sent with 503 answers (the client backs off that long) */
    public GrpcToSip(Duration retryAfter) {
        this.retryAfter = retryAfter;
    }

    /** The answer for a gRPC status code. */
    public SipAnswer answer(Status.Code code) {
        return switch (code) {
            case UNAVAILABLE -> new SipAnswer(503, "Service Unavailable", retryAfter);
            case RESOURCE_EXHAUSTED -> new SipAnswer(503, "Service Unavailable", retryAfter);
            case DEADLINE_EXCEEDED -> new SipAnswer(504, "Server Time-out", null);
            default -> new SipAnswer(500, "Server Internal Error", null);
        };
    }

    /** The answer for any failure of an upstream call; non-gRPC throwables count as internal errors. */
    public SipAnswer answer(Throwable failure) {
        return answer(codeOf(failure));
    }

    /** The gRPC status code of a failure (searched along its causes); UNKNOWN for non-gRPC throwables. */
    public static Status.Code codeOf(Throwable failure) {
        Throwable t = failure;
        while (t != null) {
            if (t instanceof StatusRuntimeException e) {
                return e.getStatus().getCode();
            }
            if (t instanceof StatusException e) {
                return e.getStatus().getCode();
            }
            if (t.getCause() == t) {
                break;
            }
            t = t.getCause();
        }
        return Status.Code.UNKNOWN;
    }
}
