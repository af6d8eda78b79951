package io.sipplatform.edge.upstream;

import io.grpc.Status;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** One row per mapping of the table, the fallback included. */
class GrpcToSipTest {
    private final GrpcToSip table = new GrpcToSip(Duration.ofSeconds(7));

    @ParameterizedTest(name = "{0} becomes {1} {2}")
    @CsvSource({
        "UNAVAILABLE, 503, Service Unavailable, 7",
        "RESOURCE_EXHAUSTED, 503, Service Unavailable, 7",
        "DEADLINE_EXCEEDED, 504, Server Time-out, -1",
        "INTERNAL, 500, Server Internal Error, -1",
        "UNKNOWN, 500, Server Internal Error, -1",
    })
    void eachRowOfTheTable(Status.Code code, int sip, String reason, long retryAfterSeconds) {
        GrpcToSip.SipAnswer a = table.answer(Status.fromCode(code).asRuntimeException());
        assertEquals(sip, a.code());
        assertEquals(reason, a.reason());
        if (retryAfterSeconds < 0) {
            assertNull(a.retryAfter());
        } else {
            assertEquals(Duration.ofSeconds(retryAfterSeconds), a.retryAfter());
        }
    }

    @ParameterizedTest(name = "fallback: {0} becomes 500")
    @EnumSource(value = Status.Code.class, names = {"OK", "CANCELLED", "INVALID_ARGUMENT", "NOT_FOUND",
        "ALREADY_EXISTS", "PERMISSION_DENIED", "FAILED_PRECONDITION", "ABORTED", "OUT_OF_RANGE", "UNIMPLEMENTED",
        "DATA_LOSS", "UNAUTHENTICATED"})
    void everyOtherCodeFallsBackTo500(Status.Code code) {
        assertEquals(500, table.answer(code).code());
    }

    @org.junit.jupiter.api.Test
    void wrappedStatusIsFoundAndNonGrpcFailureIs500() {
        assertEquals(503, table.answer(new CompletionException(Status.UNAVAILABLE.asException())).code());
        assertEquals(500, table.answer(new IllegalStateException("bug")).code());
    }
}
