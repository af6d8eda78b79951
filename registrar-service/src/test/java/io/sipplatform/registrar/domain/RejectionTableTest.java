package io.sipplatform.registrar.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sipplatform.sip.digest.DigestChallenge;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The failure table: every reason the registrar refuses a REGISTER, provoked for real, with its SIP code. */
class RejectionTableTest {

    record Row(Rejection reason, int code, Function<AuthFixture, RegisterOutcome> provoke) {
        @Override
        public String toString() {
            return code + " " + reason;
        }
    }

    static final String INSTANCE = "urn:uuid:00000000-0000-1000-8000-000A95A0E128";

    static Stream<Row> table() {
        return Stream.of(
                new Row(Rejection.DOMAIN_NOT_SERVED, 403, f -> new AuthFixture(new RegistrarPolicy(
                        Duration.ofSeconds(60), Duration.ofSeconds(3600), Duration.ofSeconds(7200), 3,
                        Set.of("other.example"), Optional.empty(), "a"))
                        .register(Requests.register().contact("sip:alice@192.0.2.1"))),
                new Row(Rejection.BAD_EXTENSION, 420, f -> f.register(Requests.register().require("gruu"))),
                new Row(Rejection.MALFORMED_CREDENTIALS, 400, f -> f.register(Requests.register().authorization(
                        new DigestFields("alice", "example.com", "n", "sip:example.com", "", "", "", "", "", "",
                                false, "REGISTER")))),
                new Row(Rejection.DIGEST_URI_MISMATCH, 400, f -> {
                    DigestChallenge challenge = f.challenge(Requests.register());
                    return f.register(Requests.register().authorization(
                            f.answer(challenge, "alice", AuthFixture.PASSWORD, "sip:elsewhere.example")));
                }),
                new Row(Rejection.SOURCE_BANNED, 403, f -> {
                    f.failLogins(3, "203.0.113.7", "mallory");
                    return f.authenticated(() -> Requests.register().source("203.0.113.7"));
                }),
                new Row(Rejection.ACCOUNT_BANNED, 403, f -> {
                    for (int i = 1; i <= 5; i++) {
                        f.failLogins(1, "198.51.100." + i, "alice");
                    }
                    return f.authenticated(() -> Requests.register().source("192.0.2.200"));
                }),
                new Row(Rejection.NOT_AUTHORIZED_FOR_AOR, 403,
                        f -> f.authenticated(() -> Requests.register().aor("sip:bob@example.com"))),
                new Row(Rejection.CREDENTIALS_UNAVAILABLE, 503, f -> {
                    DigestChallenge challenge = f.challenge(Requests.register());
                    f.credentials.unavailable = true;
                    return f.register(Requests.register()
                            .authorization(f.answer(challenge, "alice", AuthFixture.PASSWORD)));
                }),
                new Row(Rejection.AOR_NOT_IN_DOMAIN, 404, f -> f.authenticatedAs("bob",
                        () -> Requests.register().aor("sip:bob@other.example").contact("sip:bob@192.0.2.1"))),
                new Row(Rejection.WILDCARD_WITH_OTHER_CONTACTS, 400, f -> f.authenticated(
                        () -> Requests.register().wildcard().expires(0).contact("sip:alice@192.0.2.1"))),
                new Row(Rejection.WILDCARD_WITH_NONZERO_EXPIRES, 400,
                        f -> f.authenticated(() -> Requests.register().wildcard().expires(60))),
                new Row(Rejection.INVALID_CONTACT, 400,
                        f -> f.authenticated(() -> Requests.register().contact("alice at home"))),
                new Row(Rejection.MULTIPLE_FLOWS, 400, f -> f.authenticated(() -> Requests.register()
                        .supported("outbound").flow("edge-1", "t")
                        .flowContact("sip:alice@192.0.2.1;transport=tcp", INSTANCE, 1)
                        .flowContact("sip:alice@192.0.2.2;transport=tcp", INSTANCE, 2))),
                new Row(Rejection.FIRST_HOP_LACKS_OUTBOUND, 439, f -> f.authenticated(() -> Requests.register()
                        .supported("outbound").path("sip:edge-1.example;lr")
                        .flowContact("sip:alice@192.0.2.1;transport=tcp", INSTANCE, 1))),
                new Row(Rejection.INTERVAL_TOO_BRIEF, 423,
                        f -> f.authenticated(() -> Requests.register().contact("sip:alice@192.0.2.1", 10))),
                new Row(Rejection.OUT_OF_ORDER, 500, f -> {
                    f.authenticated(() -> Requests.register().contact("sip:alice@192.0.2.1").cseq(9));
                    return f.authenticated(() -> Requests.register().contact("sip:alice@192.0.2.1").cseq(9));
                }),
                new Row(Rejection.TOO_MANY_CONTACTS, 403, f -> f.authenticated(() -> Requests.register()
                        .contact("sip:a@192.0.2.1").contact("sip:b@192.0.2.1").contact("sip:c@192.0.2.1")
                        .contact("sip:d@192.0.2.1"))),
                new Row(Rejection.STORE_FAILED, 500, f -> {
                    DigestChallenge challenge = f.challenge(Requests.register());
                    f.store.failing(true);
                    return f.register(Requests.register().contact("sip:alice@192.0.2.1")
                            .authorization(f.answer(challenge, "alice", AuthFixture.PASSWORD)));
                }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void everyFailureReasonIsAnsweredWithItsSipCode(Row row) {
        RegisterOutcome outcome = row.provoke().apply(new AuthFixture());
        RegisterOutcome.Rejected rejected = assertInstanceOf(RegisterOutcome.Rejected.class, outcome);
        assertEquals(row.reason(), rejected.rejection());
        assertEquals(row.code(), rejected.code());
        assertEquals(row.reason().phrase(), rejected.reason());
        // The values that go with a code travel with it, and only with it.
        assertEquals(row.code() == 423, rejected.minExpires().isPresent());
        assertEquals(row.code() == 420, !rejected.unsupported().isEmpty());
        assertEquals(row.code() == 503, rejected.retryAfter().isPresent());
    }

    @Test
    void everyFailureReasonHasARowInTheTable() {
        Set<Rejection> covered = table().map(Row::reason).collect(Collectors.toSet());
        assertEquals(EnumSet.allOf(Rejection.class), covered);
    }

    @Test
    void everyCodeIsAFinalFailureCode() {
        for (Rejection reason : Rejection.values()) {
            assertTrue(reason.code() >= 400 && reason.code() <= 699, reason + " " + reason.code());
        }
    }
}
