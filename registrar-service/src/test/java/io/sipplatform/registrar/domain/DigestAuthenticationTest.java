package io.sipplatform.registrar.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sipplatform.sip.digest.DigestAlgorithm;
import io.sipplatform.sip.digest.DigestChallenge;
import io.sipplatform.sip.digest.DigestClient;
import io.sipplatform.sip.digest.NonceCodec;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** RFC 3261 §22 / RFC 7616 digest authentication of REGISTER, with brute-force bans (§10.3 steps 3-4). */
class DigestAuthenticationTest {
    final AuthFixture f = new AuthFixture();

    static RegisterOutcome.Challenged challenged(RegisterOutcome outcome) {
        return assertInstanceOf(RegisterOutcome.Challenged.class, outcome);
    }

    static RegisterOutcome.Rejected rejected(RegisterOutcome outcome) {
        return assertInstanceOf(RegisterOutcome.Rejected.class, outcome);
    }

    @Test
    void status401WithOneChallengePerOfferedAlgorithmSha256FirstWhenNoCredentials() {
        var challenge = challenged(f.register(Requests.register().contact("sip:alice@192.0.2.1")));
        assertEquals(401, challenge.code());
        assertEquals(List.of(DigestAlgorithm.SHA_256, DigestAlgorithm.MD5),
                challenge.challenges().stream().map(DigestChallenge::algorithm).collect(Collectors.toList()));
        DigestChallenge first = challenge.challenges().get(0);
        assertEquals("example.com", first.realm());
        assertTrue(first.qopAuth());
        assertFalse(first.stale());
        assertTrue(f.store.writes() == 0, "nothing stored before authentication");
    }

    @Test
    void status200WithRightSha256Credentials() {
        var outcome = f.authenticated(() -> Requests.register().contact("sip:alice@192.0.2.1"));
        assertEquals(200, outcome.code());
    }

    @Test
    void status200WithRightMd5CredentialsAnsweringTheSecondChallenge() {
        var challenges = challenged(f.register(Requests.register())).challenges();
        DigestChallenge md5 = challenges.get(1);
        var outcome = f.register(Requests.register().contact("sip:alice@192.0.2.1")
                .authorization(f.answer(md5, "alice", AuthFixture.PASSWORD)));
        assertEquals(200, outcome.code());
    }

    @Test
    void theSame401ForAnUnknownUserAndAWrongPassword() {
        DigestChallenge challenge = f.challenge(Requests.register());
        var unknownUser = challenged(f.register(Requests.register().source("192.0.2.10")
                .authorization(f.answer(challenge, "nobody", AuthFixture.PASSWORD))));
        var wrongPassword = challenged(f.register(Requests.register().source("192.0.2.11")
                .authorization(f.answer(challenge, "alice", "guess"))));
        assertEquals(unknownUser.code(), wrongPassword.code());
        assertEquals(unknownUser.reason(), wrongPassword.reason());
        assertEquals(shape(unknownUser), shape(wrongPassword));
        assertEquals(List.of(SecurityEvents.AuthFailure.BAD_CREDENTIALS, SecurityEvents.AuthFailure.BAD_CREDENTIALS),
                f.events.failures);
    }

    /** Everything in a 401 but the nonce, which is fresh each time. */
    private static List<String> shape(RegisterOutcome.Challenged challenged) {
        return challenged.challenges().stream()
                .map(c -> c.realm() + c.algorithm() + c.qopAuth() + c.stale() + c.opaque())
                .collect(Collectors.toList());
    }

    @Test
    void status401WithStaleTrueWhenTheNonceExpiredButTheResponseIsRight() {
        DigestChallenge challenge = f.challenge(Requests.register());
        f.clock.advance(AuthFixture.NONCE_LIFETIME.plusSeconds(1));
        var again = challenged(f.register(Requests.register().contact("sip:alice@192.0.2.1")
                .authorization(f.answer(challenge, "alice", AuthFixture.PASSWORD))));
        assertTrue(again.stale());
        assertNotEquals(challenge.nonce(), again.challenges().get(0).nonce());
        assertTrue(f.events.failures.isEmpty(), "a stale nonce is not a failed login");
    }

    @Test
    void anExpiredNonceWithAWrongPasswordIsNotStale() {
        DigestChallenge challenge = f.challenge(Requests.register());
        f.clock.advance(AuthFixture.NONCE_LIFETIME.plusSeconds(1));
        var again = challenged(f.register(Requests.register()
                .authorization(f.answer(challenge, "alice", "guess"))));
        assertFalse(again.stale(), "stale=true would tell the attacker to retry without asking the user");
    }

    @Test
    void aNonceIssuedByAnotherReplicaSharingTheSecretIsAccepted() {
        NonceCodec otherReplica = new NonceCodec(List.of(AuthFixture.SECRET), f.clock, Duration.ofSeconds(300),
                new SecureRandom());
        DigestChallenge challenge = new DigestChallenge("example.com", otherReplica.issue("example.com"), null,
                DigestAlgorithm.SHA_256, true, false);
        var outcome = f.register(Requests.register().contact("sip:alice@192.0.2.1")
                .authorization(f.answer(challenge, "alice", AuthFixture.PASSWORD)));
        assertEquals(200, outcome.code());
    }

    @Test
    void aNonceSignedWithAnotherSecretIsChallengedAfreshWithoutStale() {
        NonceCodec stranger = new NonceCodec(List.of("some-other-secret-of-32-bytes!!!".getBytes()), f.clock,
                Duration.ofSeconds(300), new SecureRandom());
        DigestChallenge forged = new DigestChallenge("example.com", stranger.issue("example.com"), null,
                DigestAlgorithm.SHA_256, true, false);
        var again = challenged(f.register(Requests.register()
                .authorization(f.answer(forged, "alice", AuthFixture.PASSWORD))));
        assertFalse(again.stale());
    }

    @Test
    void aReplayedNonceCountIsChallengedWithStaleTrue() {
        DigestChallenge challenge = f.challenge(Requests.register());
        DigestFields once = AuthFixture.fields(DigestClient.answer(challenge, "REGISTER", "sip:example.com", "alice",
                AuthFixture.PASSWORD, "c1", 1));
        assertEquals(200, f.register(Requests.register().contact("sip:alice@192.0.2.1").authorization(once)).code());
        var replay = challenged(f.register(Requests.register().contact("sip:alice@192.0.2.1").cseq(2)
                .authorization(once)));
        assertTrue(replay.stale());
    }

    @Test
    void credentialsForAnotherRealmAreIgnoredAndChallenged() {
        DigestChallenge foreign = new DigestChallenge("carrier.example", f.nonces.issue("carrier.example"), null,
                DigestAlgorithm.MD5, true, false);
        var outcome = challenged(f.register(Requests.register()
                .authorization(f.answer(foreign, "alice", AuthFixture.PASSWORD))));
        assertEquals("example.com", outcome.challenges().get(0).realm());
        assertEquals(0, f.credentials.lookups);
    }

    @Test
    void status403WhenTheAccountMayNotRegisterTheAor() {
        var outcome = rejected(f.authenticated(() -> Requests.register().aor("sip:support@example.com")));
        assertEquals(Rejection.NOT_AUTHORIZED_FOR_AOR, outcome.rejection());
        assertEquals(200, f.authenticatedAs("bob", () -> Requests.register().aor("sip:support@example.com")
                .contact("sip:support@192.0.2.1")).code());
    }

    @Test
    void aSourceIsBannedAfterTooManyFailuresEvenWithTheRightPasswordAfterwards() {
        f.failLogins(3, "203.0.113.66", "alice");
        var outcome = rejected(f.authenticated(() -> Requests.register().source("203.0.113.66")));
        assertEquals(Rejection.SOURCE_BANNED, outcome.rejection());
        assertEquals(List.of(SecurityEvents.BanScope.SOURCE), f.events.bans);
        assertEquals(200, f.authenticated(() -> Requests.register().source("203.0.113.67")).code(),
                "other sources are not affected");
    }

    @Test
    void aBannedSourceIsRefusedBeforeTheCredentialSourceIsAsked() {
        f.failLogins(3, "203.0.113.66", "alice");
        int lookups = f.credentials.lookups;
        f.authenticated(() -> Requests.register().source("203.0.113.66"));
        assertEquals(lookups, f.credentials.lookups);
    }

    @Test
    void anAccountIsBannedAfterTooManyFailuresSpreadOverSources() {
        for (int i = 1; i <= 5; i++) {
            f.failLogins(1, "198.51.100." + i, "alice");
        }
        assertEquals(Rejection.ACCOUNT_BANNED,
                rejected(f.authenticated(() -> Requests.register().source("192.0.2.99"))).rejection());
        assertEquals(200, f.authenticatedAs("bob", () -> Requests.register().aor("sip:bob@example.com")
                .source("192.0.2.99")).code(), "other accounts are not affected");
    }

    @Test
    void aBanLapsesAfterItsDuration() {
        f.failLogins(3, "203.0.113.66", "mallory");
        f.clock.advance(Duration.ofMinutes(15));
        assertEquals(200, f.authenticated(() -> Requests.register().source("203.0.113.66")).code());
    }

    @Test
    void failuresOutsideTheWindowDoNotAddUp() {
        f.failLogins(2, "203.0.113.66", "mallory");
        f.clock.advance(Duration.ofMinutes(5));
        f.failLogins(2, "203.0.113.66", "mallory");
        assertEquals(200, f.authenticated(() -> Requests.register().source("203.0.113.66")).code());
    }

    @Test
    void status503WithRetryAfterWhenTheCredentialSourceDoesNotAnswer() {
        DigestChallenge challenge = f.challenge(Requests.register());
        f.credentials.unavailable = true;
        var outcome = rejected(f.register(Requests.register()
                .authorization(f.answer(challenge, "alice", AuthFixture.PASSWORD))));
        assertEquals(503, outcome.code());
        assertEquals(Duration.ofSeconds(30), outcome.retryAfter().orElseThrow());
        assertTrue(f.events.failures.isEmpty(), "an outage is not a failed login");
    }

    @Test
    void malformedCredentialsCountAgainstTheSource() {
        DigestFields noResponse = new DigestFields("alice", "example.com", "n", "sip:example.com", "", "", "", "",
                "", "", false, "REGISTER");
        for (int i = 0; i < 3; i++) {
            assertEquals(400, f.register(Requests.register().source("203.0.113.5").authorization(noResponse)).code());
        }
        assertEquals(Rejection.SOURCE_BANNED,
                rejected(f.register(Requests.register().source("203.0.113.5"))).rejection());
    }
}
