package io.sipplatform.sip.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sipplatform.sip.SipParseException;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class DigestChallengeTest {
    static final String NONCE = "AAAAAGVT8QABAgMEBQYHCP73ol_UXZMDoJUFp-pU-hM";

    @Test
    void fullChallengeRendersEveryPartInOrder() {
        DigestChallenge challenge = new DigestChallenge("biloxi.com", NONCE, "5ccc069c403ebaf9",
                DigestAlgorithm.SHA_256, true, true);
        assertEquals("Digest realm=\"biloxi.com\", nonce=\"" + NONCE + "\", opaque=\"5ccc069c403ebaf9\", "
                + "algorithm=SHA-256, qop=\"auth\", stale=true", challenge.toHeaderValue());
    }

    @Test
    void absentPartsAreOmitted() {
        DigestChallenge challenge = new DigestChallenge("biloxi.com", NONCE, null, DigestAlgorithm.MD5, false, false);
        assertEquals("Digest realm=\"biloxi.com\", nonce=\"" + NONCE + "\", algorithm=MD5", challenge.toHeaderValue());
    }

    @Test
    void quotesAndBackslashesInTheRealmAreEscaped() {
        DigestChallenge challenge = new DigestChallenge("a \"b\" \\c", NONCE, null, DigestAlgorithm.MD5, true, false);
        assertEquals("Digest realm=\"a \\\"b\\\" \\\\c\", nonce=\"" + NONCE + "\", algorithm=MD5, qop=\"auth\"",
                challenge.toHeaderValue());
    }

    @Test
    void offersKeepThePreferenceOrderAndShareTheNonce() {
        List<DigestChallenge> offers = DigestChallenge.offers("biloxi.com", NONCE, null, false,
                List.of(DigestAlgorithm.SHA_256, DigestAlgorithm.MD5));
        assertEquals(List.of(new DigestChallenge("biloxi.com", NONCE, null, DigestAlgorithm.SHA_256, true, false),
                new DigestChallenge("biloxi.com", NONCE, null, DigestAlgorithm.MD5, true, false)), offers);
    }

    @Test
    void challengeFromACarrierIsRead() {
        DigestChallenge challenge = DigestChallenge.fromParams(Params.of("realm", "carrier.example",
                "nonce", "abc/def=", "opaque", "xyz", "algorithm", "sha-256", "qop", "auth,auth-int",
                "stale", "TRUE", "domain", "sip:x"));
        assertEquals(new DigestChallenge("carrier.example", "abc/def=", "xyz", DigestAlgorithm.SHA_256, true, true),
                challenge);
    }

    @Test
    void challengeWithoutAlgorithmOrQopIsAnRfc2069Md5Challenge() {
        DigestChallenge challenge = DigestChallenge.fromParams(Params.of("realm", "r", "nonce", "n"));
        assertEquals(new DigestChallenge("r", "n", null, DigestAlgorithm.MD5, false, false), challenge);
    }

    @ParameterizedTest(name = "qop=\"{0}\" offers auth")
    @ValueSource(strings = {"auth", "AUTH", "auth-int,auth", " auth-int , auth ", "auth,", "token68, auth\t"})
    void qopListContainingAuthIsAnswerable(String qop) {
        assertTrue(DigestChallenge.fromParams(Params.of("realm", "r", "nonce", "n", "qop", qop)).qopAuth());
    }

    static Stream<Arguments> unanswerable() {
        return Stream.of(
                Arguments.of("missing realm", "realm", null),
                Arguments.of("missing nonce", "nonce", null),
                Arguments.of("empty nonce", "nonce", ""),
                Arguments.of("unknown algorithm", "algorithm", "SHA-1"),
                Arguments.of("auth-int only", "qop", "auth-int"),
                Arguments.of("empty qop", "qop", ""),
                Arguments.of("qop near miss", "qop", "auth-i"),
                Arguments.of("CR LF in realm", "realm", "a\r\nVia: x"),
                Arguments.of("NUL in opaque", "opaque", "a\u0000"),
                Arguments.of("DEL in nonce", "nonce", "a\u007f"),
                Arguments.of("sess without qop", "qop", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unanswerable")
    void unanswerableChallengeIsRejected(String description, String name, String value) {
        Function<String, String> valid = Params.of("realm", "r", "nonce", "n", "algorithm", "MD5-sess", "qop", "auth");
        assertThrows(SipParseException.class, () -> DigestChallenge.fromParams(Params.with(valid, name, value)));
    }

    @Test
    void staleOtherThanTrueMeansFalse() {
        assertFalse(DigestChallenge.fromParams(Params.of("realm", "r", "nonce", "n", "stale", "yes")).stale());
        assertFalse(DigestChallenge.fromParams(Params.of("realm", "r", "nonce", "n", "stale", "false")).stale());
    }

    @Test
    void qopListOfTenThousandCommasIsScannedWithoutTrouble() {
        String qop = ",".repeat(10_000) + "auth";
        assertTrue(DigestChallenge.fromParams(Params.of("realm", "r", "nonce", "n", "qop", qop)).qopAuth());
        assertThrows(SipParseException.class,
                () -> DigestChallenge.fromParams(Params.of("realm", "r", "nonce", "n", "qop", ",".repeat(60_000))));
    }
}
