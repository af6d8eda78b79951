package io.sipplatform.sip.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DigestVerifierTest {
    static final String REALM = "biloxi.com";
    static final String URI = "sip:biloxi.com";
    static final String MD5_HA1 = "12af60467a33e8518da5c68bbff12b11"; // bob:biloxi.com:zanzibar
    static final String NONCE = RequestDigestTest.REGISTER_NONCE; // issued at T0 with FixedBytes, see NonceCodecTest

    final ManualClock clock = new ManualClock(NonceCodecTest.T0);
    final NonceCodec codec = new NonceCodec(List.of(NonceCodecTest.SECRET), clock, NonceCodecTest.LIFETIME,
            new FixedBytes());
    final List<String> trackerCalls = new ArrayList<>();
    final BoundedNonceCountTracker counts = new BoundedNonceCountTracker(100);
    final DigestVerifier verifier = new DigestVerifier(codec, (nonce, nc) -> {
        trackerCalls.add(nonce + "#" + nc);
        return counts.accept(nonce, nc);
    });

    /** REGISTER sip:biloxi.com from bob, password zanzibar, cnonce 0a4f113b, nc 1 unless no qop. */
    static DigestCredentials register(DigestAlgorithm algorithm, String qop, String response) {
        boolean withQop = qop != null;
        return new DigestCredentials("bob", REALM, NONCE, URI, response, algorithm, withQop ? "0a4f113b" : null,
                withQop ? "00000001" : null, qop, null);
    }

    static DigestCredentials register(String nonce, String ha1, long nc) {
        String ncHex = String.format("%08x", nc);
        String response = RequestDigest.compute(DigestAlgorithm.MD5, ha1, nonce, ncHex, "0a4f113b", "auth",
                "REGISTER", URI);
        return new DigestCredentials("bob", REALM, nonce, URI, response, DigestAlgorithm.MD5, "0a4f113b", ncHex,
                "auth", null);
    }

    @ParameterizedTest(name = "REGISTER with {0}, qop={1}")
    @CsvSource(nullValues = "-", value = {
        "MD5,              auth, 12af60467a33e8518da5c68bbff12b11, bfbb0f22181fcb9cc33a96f4b4c0e0a3",
        "MD5,              -,    12af60467a33e8518da5c68bbff12b11, 5817441f04167a7a296a753648cfb9bf",
        "MD5_SESS,         auth, 12af60467a33e8518da5c68bbff12b11, 6d545c15b550e8dca3215fedf42eba39",
        "SHA_256,          auth, e65db393e748c5228939a6b4b2879e9ea5625cd79fd5267868cb568d69f6b97e, "
                + "b0e741f0bfbf95b946b32f3a3d65c6c30498041558892f8769c86a803f672f33",
        "SHA_256,          -,    e65db393e748c5228939a6b4b2879e9ea5625cd79fd5267868cb568d69f6b97e, "
                + "8f1a668a8c31cdd284cb0c9688ef30562549aa3c3a84da483d6d93a157a31fce",
        "SHA_256_SESS,     auth, e65db393e748c5228939a6b4b2879e9ea5625cd79fd5267868cb568d69f6b97e, "
                + "f751a3e39b067b3e0ea31dc36f84fe6d1c3e7acbcad26efa0ce29f55be7e4c70",
        "SHA_512_256,      auth, a969680ab364e333ec5c93ff823d570a79841c8d40270655dd42f37b755dfc38, "
                + "2be40b02b5bc6839a189ca0dbab9149fb98f36ca3af363bf6782dce65edb3d1e",
        "SHA_512_256_SESS, auth, a969680ab364e333ec5c93ff823d570a79841c8d40270655dd42f37b755dfc38, "
                + "50a096a49afcfc084a96f18db4730cf37b136b980c5bfe6c7985a8a1ac178b5a"})
    void registerDigestComputedInTheShellIsAccepted(DigestAlgorithm algorithm, String qop, String ha1,
            String response) {
        assertEquals(NONCE, codec.issue(REALM), "the nonce the shell vectors were computed for");
        assertEquals(DigestOutcome.OK, verifier.verify(register(algorithm, qop, response), "REGISTER", REALM, ha1));
    }

    @Test
    void storedHa1InUpperCaseIsAccepted() {
        assertEquals(DigestOutcome.OK, verifier.verify(register(DigestAlgorithm.MD5, "auth",
                "bfbb0f22181fcb9cc33a96f4b4c0e0a3"), "REGISTER", REALM, MD5_HA1.toUpperCase()));
    }

    @Test
    void sameDigestForAnotherMethodIsABadResponse() {
        DigestCredentials credentials = register(DigestAlgorithm.MD5, "auth", "bfbb0f22181fcb9cc33a96f4b4c0e0a3");
        assertEquals(DigestOutcome.BAD_RESPONSE, verifier.verify(credentials, "INVITE", REALM, MD5_HA1));
    }

    @Test
    void wrongPasswordIsABadResponse() {
        String otherHa1 = Ha1.of(DigestAlgorithm.MD5, "bob", REALM, "zanzibar2");
        assertEquals(DigestOutcome.BAD_RESPONSE, verifier.verify(register(DigestAlgorithm.MD5, "auth",
                "bfbb0f22181fcb9cc33a96f4b4c0e0a3"), "REGISTER", REALM, otherHa1));
    }

    @Test
    void unknownUserGetsTheSameAnswerAsAWrongPassword() {
        DigestCredentials credentials = register(DigestAlgorithm.MD5, "auth", "bfbb0f22181fcb9cc33a96f4b4c0e0a3");
        assertEquals(DigestOutcome.BAD_RESPONSE, verifier.verify(credentials, "REGISTER", REALM, null));
    }

    @Test
    void unknownUserIsRefusedEvenWithAResponseMadeFromTheStandInHa1() {
        String standIn = DigestVerifier.unknownUserHa1(DigestAlgorithm.MD5);
        assertEquals(DigestOutcome.BAD_RESPONSE,
                verifier.verify(register(NONCE, standIn, 1), "REGISTER", REALM, null));
        assertTrue(trackerCalls.isEmpty());
    }

    @Test
    void storedHa1OfAnotherAlgorithmIsABadResponse() {
        DigestCredentials sha256 = register(DigestAlgorithm.SHA_256, "auth",
                "b0e741f0bfbf95b946b32f3a3d65c6c30498041558892f8769c86a803f672f33");
        assertEquals(DigestOutcome.BAD_RESPONSE, verifier.verify(sha256, "REGISTER", REALM, MD5_HA1));
        assertEquals(DigestOutcome.BAD_RESPONSE, verifier.verify(sha256, "REGISTER", REALM, "not hex at all"));
    }

    @Test
    void correctResponseForAnExpiredNonceAsksForAStaleRetry() {
        clock.advance(NonceCodecTest.LIFETIME.plus(Duration.ofSeconds(1)));
        assertEquals(DigestOutcome.STALE_NONCE, verifier.verify(register(NONCE, MD5_HA1, 1), "REGISTER", REALM,
                MD5_HA1));
        assertTrue(trackerCalls.isEmpty(), "a stale nonce does not consume a count");
    }

    @Test
    void wrongPasswordWithAnExpiredNonceIsABadResponseNotStale() {
        clock.advance(NonceCodecTest.LIFETIME.plus(Duration.ofSeconds(1)));
        String otherHa1 = Ha1.of(DigestAlgorithm.MD5, "bob", REALM, "guess");
        assertEquals(DigestOutcome.BAD_RESPONSE, verifier.verify(register(NONCE, otherHa1, 1), "REGISTER", REALM,
                MD5_HA1));
    }

    @Test
    void unknownUserWithAnExpiredNonceIsABadResponseNotStale() {
        clock.advance(NonceCodecTest.LIFETIME.plus(Duration.ofSeconds(1)));
        assertEquals(DigestOutcome.BAD_RESPONSE, verifier.verify(register(NONCE, MD5_HA1, 1), "REGISTER", REALM,
                null));
    }

    @Test
    void nonceSignedWithAnUnknownSecretIsInvalid() {
        NonceCodec stranger = new NonceCodec(List.of(NonceCodecTest.NEXT_SECRET), clock, NonceCodecTest.LIFETIME,
                new SecureRandom());
        DigestCredentials credentials = register(stranger.issue(REALM), MD5_HA1, 1);
        assertEquals(DigestOutcome.INVALID_NONCE, verifier.verify(credentials, "REGISTER", REALM, MD5_HA1));
    }

    @Test
    void rfc7616ExampleNonceIsInvalidHere() {
        DigestCredentials credentials = register("7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", MD5_HA1, 1);
        assertEquals(DigestOutcome.INVALID_NONCE, verifier.verify(credentials, "REGISTER", REALM, MD5_HA1));
    }

    @Test
    void credentialsForAnotherRealmAreARealmMismatch() {
        DigestCredentials atlanta = new DigestCredentials("bob", "atlanta.com", NONCE, URI,
                "bfbb0f22181fcb9cc33a96f4b4c0e0a3", DigestAlgorithm.MD5, "0a4f113b", "00000001", "auth", null);
        assertEquals(DigestOutcome.REALM_MISMATCH, verifier.verify(atlanta, "REGISTER", REALM, MD5_HA1));
    }

    @Test
    void nonceIssuedForAnotherRealmIsInvalidEvenWhenTheClaimedRealmMatches() {
        String atlantaNonce = codec.issue("atlanta.com");
        assertEquals(DigestOutcome.INVALID_NONCE,
                verifier.verify(register(atlantaNonce, MD5_HA1, 1), "REGISTER", REALM, MD5_HA1));
    }

    @Test
    void replayedNonceCountIsRejected() {
        assertEquals(DigestOutcome.OK, verifier.verify(register(NONCE, MD5_HA1, 1), "REGISTER", REALM, MD5_HA1));
        assertEquals(DigestOutcome.NONCE_COUNT_REPLAY,
                verifier.verify(register(NONCE, MD5_HA1, 1), "REGISTER", REALM, MD5_HA1));
    }

    @Test
    void increasingNonceCountsAreAcceptedAndAnOlderOneIsAReplay() {
        assertEquals(DigestOutcome.OK, verifier.verify(register(NONCE, MD5_HA1, 1), "REGISTER", REALM, MD5_HA1));
        assertEquals(DigestOutcome.OK, verifier.verify(register(NONCE, MD5_HA1, 5), "REGISTER", REALM, MD5_HA1));
        assertEquals(DigestOutcome.NONCE_COUNT_REPLAY,
                verifier.verify(register(NONCE, MD5_HA1, 3), "REGISTER", REALM, MD5_HA1));
        assertEquals(DigestOutcome.OK, verifier.verify(register(NONCE, MD5_HA1, 6), "REGISTER", REALM, MD5_HA1));
    }

    @Test
    void badResponseDoesNotConsumeANonceCount() {
        String otherHa1 = Ha1.of(DigestAlgorithm.MD5, "bob", REALM, "guess");
        assertEquals(DigestOutcome.BAD_RESPONSE,
                verifier.verify(register(NONCE, otherHa1, 0xFFFF_FFFFL), "REGISTER", REALM, MD5_HA1));
        assertTrue(trackerCalls.isEmpty(), "a forger cannot push the count beyond the honest client");
        assertEquals(DigestOutcome.OK, verifier.verify(register(NONCE, MD5_HA1, 1), "REGISTER", REALM, MD5_HA1));
        assertEquals(List.of(NONCE + "#1"), trackerCalls);
    }

    @Test
    void responseWithoutQopIsNotCountedAndCanBeReplayedWithinTheLifetime() {
        DigestCredentials legacy = register(DigestAlgorithm.MD5, null, "5817441f04167a7a296a753648cfb9bf");
        assertEquals(DigestOutcome.OK, verifier.verify(legacy, "REGISTER", REALM, MD5_HA1));
        assertEquals(DigestOutcome.OK, verifier.verify(legacy, "REGISTER", REALM, MD5_HA1));
        assertTrue(trackerCalls.isEmpty());
    }

    @Test
    void noTrackerAcceptsEveryCount() {
        DigestVerifier untracked = new DigestVerifier(codec, NonceCountTracker.NONE);
        assertEquals(DigestOutcome.OK, untracked.verify(register(NONCE, MD5_HA1, 1), "REGISTER", REALM, MD5_HA1));
        assertEquals(DigestOutcome.OK, untracked.verify(register(NONCE, MD5_HA1, 1), "REGISTER", REALM, MD5_HA1));
    }

    @Test
    void hostileButWellFormedCredentialsGetAnOutcomeNeverAnException() {
        String[] nonces = {"x", "A".repeat(43), "A".repeat(65_536), NONCE, "\"\\", "\u00e9\u00e9"};
        String[] realms = {REALM, "", "\u00e9"};
        String[] storedHa1s = {null, "", MD5_HA1, "zz", "12AF60467A33E8518DA5C68BBFF12B11"};
        int outcomes = 0;
        for (String nonce : nonces) {
            for (String realm : realms) {
                for (String ha1 : storedHa1s) {
                    DigestCredentials credentials = new DigestCredentials("b\u00f6b", realm, nonce, "x".repeat(60_000),
                            "bfbb0f22181fcb9cc33a96f4b4c0e0a3", DigestAlgorithm.MD5_SESS, "\"", "ffffffff", "auth",
                            null);
                    assertNotEquals(DigestOutcome.OK, verifier.verify(credentials, "", REALM, ha1));
                    outcomes++;
                }
            }
        }
        assertEquals(nonces.length * realms.length * storedHa1s.length, outcomes);
    }

    @Test
    void nullArgumentsAreCallerBugs() {
        DigestCredentials credentials = register(NONCE, MD5_HA1, 1);
        assertThrows(NullPointerException.class, () -> verifier.verify(null, "REGISTER", REALM, MD5_HA1));
        assertThrows(NullPointerException.class, () -> verifier.verify(credentials, null, REALM, MD5_HA1));
        assertThrows(NullPointerException.class, () -> verifier.verify(credentials, "REGISTER", null, MD5_HA1));
    }
}
