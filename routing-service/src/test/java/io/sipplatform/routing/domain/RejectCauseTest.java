package io.sipplatform.routing.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The failure table, one row per cause: SIP code, reason phrase and Q.850 cause. */
class RejectCauseTest {
    private static final Set<RejectCause> TESTED = EnumSet.noneOf(RejectCause.class);

    @ParameterizedTest(name = "{0} answers {1} {2}")
    @CsvSource({
        "MALFORMED_CREDENTIALS, 400, Bad Request,                        0",
        "TRANSPORT_NOT_ALLOWED, 403, Transport Not Allowed,              21",
        "CUSTOMER_DISABLED,     403, Customer Disabled,                  21",
        "TRUNK_DISABLED,        403, Trunk Disabled,                     21",
        "CALLER_ID_NOT_ALLOWED, 403, Caller ID Not Allowed,              21",
        "DESTINATION_BLOCKED,   403, Destination Blocked,                21",
        "INTERNATIONAL_BLOCKED, 403, International Calls Not Allowed,    21",
        "PREMIUM_BLOCKED,       403, Premium Destinations Not Allowed,   21",
        "UNKNOWN_DID,           404, Not Found,                          1",
        "NO_ROUTE,              404, No Route to Destination,            3",
        "NOT_REGISTERED,        480, Temporarily Unavailable,            18",
        "NO_DELIVERY_ADDRESS,   480, Temporarily Unavailable,            18",
        "ADDRESS_INCOMPLETE,    484, Address Incomplete,                 28",
        "ALL_GATEWAYS_DOWN,     503, All Gateways Down,                  34",
        "CONCURRENCY_LIMIT,     503, Concurrent Call Limit Reached,      34",
        "CPS_LIMIT,             503, Call Rate Limit Reached,            34",
        "REGISTRAR_UNAVAILABLE, 503, Registrar Unavailable,              41",
    })
    void causeMapsToItsSipAnswer(RejectCause cause, int code, String reason, int q850) {
        assertEquals(code, cause.code());
        assertEquals(reason, cause.reason());
        assertEquals(q850, cause.q850());
        TESTED.add(cause);
    }

    @AfterAll
    static void everyCauseHasARow() {
        assertEquals(EnumSet.allOf(RejectCause.class), TESTED);
    }
}
