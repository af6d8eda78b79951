package io.sipplatform.sip.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sipplatform.sip.SipParseException;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DigestClientTest {
    static final String REALM = "carrier.example";

    final ManualClock clock = new ManualClock(NonceCodecTest.T0);
    final NonceCodec codec = new NonceCodec(List.of(NonceCodecTest.SECRET), clock, NonceCodecTest.LIFETIME,
            new SecureRandom());
    final DigestVerifier verifier = new DigestVerifier(codec, new BoundedNonceCountTracker(100));

    @Test
    void answerToTheRfc7616ChallengeReproducesTheRfcResponses() {
        for (DigestAlgorithm algorithm : List.of(DigestAlgorithm.MD5, DigestAlgorithm.SHA_256)) {
            DigestChallenge challenge = DigestChallenge.fromParams(Params.of("realm", "http-auth@example.org",
                    "qop", "auth, auth-int", "algorithm", algorithm.token(),
                    "nonce", "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v",
                    "opaque", "FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"));
            DigestCredentials answer = DigestClient.answer(challenge, "GET", "/dir/index.html", "Mufasa",
                    "Circle of Life", "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ", 1);
            String expected = algorithm == DigestAlgorithm.MD5 ? "8ca523f5e9506fed4657c9700eebdbec"
                    : "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1";
            assertEquals(expected, answer.response());
            assertEquals("FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS", answer.opaque());
        }
        assertEquals(DigestCredentials.fromParams(DigestCredentialsTest.RFC7616_MD5),
                DigestClient.answer(DigestChallenge.fromParams(Params.of("realm", "http-auth@example.org",
                        "qop", "auth", "algorithm", "MD5", "nonce", "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v",
                        "opaque", "FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS")), "GET", "/dir/index.html",
                        "Mufasa", "Circle of Life", "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ", 1));
    }

    @Test
    void rfc2617ExampleIsReproduced() {
        DigestChallenge challenge = DigestChallenge.fromParams(Params.of("realm", "testrealm@host.com", "qop",
                "auth,auth-int", "nonce", "dcd98b7102dd2f0e8b11d0f600bfb0c093", "opaque",
                "5ccc069c403ebaf9f0171e9517f40e41"));
        DigestCredentials answer = DigestClient.answer(challenge, "GET", "/dir/index.html", "Mufasa",
                "Circle Of Life", "0a4f113b", 1);
        assertEquals("6629fae49393a05397450978507c4ef1", answer.response());
    }

    @ParameterizedTest(name = "{0} answer passes the verifier")
    @EnumSource(DigestAlgorithm.class)
    void answerIsAcceptedByTheVerifier(DigestAlgorithm algorithm) {
        DigestChallenge challenge = new DigestChallenge(REALM, codec.issue(REALM), "opaque-1", algorithm, true, false);
        String cnonce = DigestClient.newCnonce(new SecureRandom());
        DigestCredentials answer = DigestClient.answer(challenge, "INVITE", "sip:+15551234567@carrier.example",
                "trunk-7", "s3cret", cnonce, 1);
        String storedHa1 = Ha1.of(algorithm, "trunk-7", REALM, "s3cret");
        assertEquals(DigestOutcome.OK, verifier.verify(answer, "INVITE", REALM, storedHa1));
        DigestCredentials next = DigestClient.answer(challenge, "INVITE", "sip:+15551234567@carrier.example",
                "trunk-7", "s3cret", cnonce, 2);
        assertEquals(DigestOutcome.OK, verifier.verify(next, "INVITE", REALM, storedHa1));
        assertEquals(DigestOutcome.BAD_RESPONSE,
                verifier.verify(answer, "INVITE", REALM, Ha1.of(algorithm, "trunk-7", REALM, "wrong")));
    }

    @ParameterizedTest(name = "{0} without qop passes the verifier")
    @EnumSource(value = DigestAlgorithm.class, names = {"MD5", "SHA_256", "SHA_512_256"})
    void rfc2069AnswerIsAcceptedByTheVerifier(DigestAlgorithm algorithm) {
        DigestChallenge challenge = new DigestChallenge(REALM, codec.issue(REALM), null, algorithm, false, false);
        DigestCredentials answer = DigestClient.answer(challenge, "INVITE", "sip:bob@carrier.example", "trunk-7",
                "s3cret", "ignored", 99);
        assertNull(answer.qop());
        assertNull(answer.cnonce());
        assertNull(answer.nonceCount());
        assertEquals(DigestOutcome.OK, verifier.verify(answer, "INVITE", REALM, Ha1.of(algorithm, "trunk-7", REALM,
                "s3cret")));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(DigestAlgorithm.class)
    void answerFromHa1EqualsAnswerFromPassword(DigestAlgorithm algorithm) {
        DigestChallenge challenge = new DigestChallenge(REALM, "n0nce", null, algorithm, true, false);
        assertEquals(DigestClient.answer(challenge, "REGISTER", "sip:carrier.example", "u", "p", "c", 7),
                DigestClient.answerWithHa1(challenge, "REGISTER", "sip:carrier.example", "u",
                        Ha1.of(algorithm, "u", REALM, "p"), "c", 7));
    }

    @Test
    void nonceCountIsWrittenAsEightLowerCaseHexDigits() {
        DigestChallenge challenge = new DigestChallenge(REALM, "n", null, DigestAlgorithm.MD5, true, false);
        assertEquals("0000001a", DigestClient.answer(challenge, "INVITE", "sip:x", "u", "p", "c", 26).nonceCount());
        assertEquals("ffffffff",
                DigestClient.answer(challenge, "INVITE", "sip:x", "u", "p", "c", 0xFFFF_FFFFL).nonceCount());
    }

    @Test
    void nonceCountOutsideEightHexDigitsIsRefused() {
        DigestChallenge challenge = new DigestChallenge(REALM, "n", null, DigestAlgorithm.MD5, true, false);
        assertThrows(IllegalArgumentException.class,
                () -> DigestClient.answer(challenge, "INVITE", "sip:x", "u", "p", "c", 0));
        assertThrows(IllegalArgumentException.class,
                () -> DigestClient.answer(challenge, "INVITE", "sip:x", "u", "p", "c", 0x1_0000_0000L));
        assertThrows(IllegalArgumentException.class,
                () -> DigestClient.answer(challenge, "INVITE", "sip:x", "u", "p", null, 1));
    }

    @Test
    void carrierChallengeWithHeaderInjectionCannotReachOurAuthorization() {
        assertThrows(SipParseException.class, () -> DigestChallenge.fromParams(Params.of("realm", "r", "nonce",
                "n", "opaque", "x\r\nContact: <sip:evil@example.com>")));
    }

    @Test
    void answerRendersAnAuthorizationValue() {
        DigestChallenge challenge = new DigestChallenge("biloxi.com", "n", "o", DigestAlgorithm.SHA_256, true, false);
        DigestCredentials answer = DigestClient.answer(challenge, "REGISTER", "sip:biloxi.com", "bob", "zanzibar",
                "0a4f113b", 1);
        assertEquals("Digest username=\"bob\", realm=\"biloxi.com\", uri=\"sip:biloxi.com\", algorithm=SHA-256, "
                + "nonce=\"n\", nc=00000001, cnonce=\"0a4f113b\", qop=auth, response=\"" + answer.response()
                + "\", opaque=\"o\"", answer.toHeaderValue());
    }

    @Test
    void freshCnoncesDiffer() {
        SecureRandom random = new SecureRandom();
        String cnonce = DigestClient.newCnonce(random);
        assertEquals(22, cnonce.length());
        assertNotEquals(cnonce, DigestClient.newCnonce(random));
    }
}
