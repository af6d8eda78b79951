package io.sipplatform.sip.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sipplatform.sip.SipParseException;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DigestCredentialsTest {
    /** RFC 7616 §3.9.1, MD5. */
    static final Function<String, String> RFC7616_MD5 = Params.of(
            "username", "Mufasa",
            "realm", "http-auth@example.org",
            "uri", "/dir/index.html",
            "algorithm", "MD5",
            "nonce", "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v",
            "nc", "00000001",
            "cnonce", "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ",
            "qop", "auth",
            "response", "8ca523f5e9506fed4657c9700eebdbec",
            "opaque", "FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS");

    @Test
    void rfc7616ExampleIsRead() {
        DigestCredentials credentials = DigestCredentials.fromParams(RFC7616_MD5);
        assertEquals(new DigestCredentials("Mufasa", "http-auth@example.org",
                "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", "/dir/index.html",
                "8ca523f5e9506fed4657c9700eebdbec", DigestAlgorithm.MD5,
                "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ", "00000001", "auth",
                "FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"), credentials);
        assertEquals(1, credentials.nonceCountValue());
    }

    @Test
    void rfc7616ExampleIsWrittenInTheRfcsParameterOrder() {
        assertEquals("Digest username=\"Mufasa\", realm=\"http-auth@example.org\", uri=\"/dir/index.html\", "
                + "algorithm=MD5, nonce=\"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v\", nc=00000001, "
                + "cnonce=\"f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ\", qop=auth, "
                + "response=\"8ca523f5e9506fed4657c9700eebdbec\", "
                + "opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"",
                DigestCredentials.fromParams(RFC7616_MD5).toHeaderValue());
    }

    @Test
    void rfc2069CredentialsWithoutQopAreWrittenWithoutNcAndCnonce() {
        DigestCredentials credentials = new DigestCredentials("bob", "biloxi.com", "n", "sip:biloxi.com",
                "5817441f04167a7a296a753648cfb9bf", DigestAlgorithm.MD5, null, null, null, null);
        assertEquals("Digest username=\"bob\", realm=\"biloxi.com\", uri=\"sip:biloxi.com\", algorithm=MD5, "
                + "nonce=\"n\", response=\"5817441f04167a7a296a753648cfb9bf\"", credentials.toHeaderValue());
        assertEquals(0, credentials.nonceCountValue());
    }

    @Test
    void quotesAndBackslashesInTheUsernameAreEscaped() {
        DigestCredentials credentials = new DigestCredentials("a\"b\\c", "", "n", "sip:x",
                "5817441f04167a7a296a753648cfb9bf", DigestAlgorithm.MD5, null, null, null, null);
        assertEquals("Digest username=\"a\\\"b\\\\c\", realm=\"\", uri=\"sip:x\", algorithm=MD5, nonce=\"n\", "
                + "response=\"5817441f04167a7a296a753648cfb9bf\"", credentials.toHeaderValue());
    }

    @Test
    void absentAlgorithmIsMd5() {
        assertEquals(DigestAlgorithm.MD5,
                DigestCredentials.fromParams(Params.with(RFC7616_MD5, "algorithm", null)).algorithm());
    }

    @Test
    void upperCaseResponseIsNormalisedToLowerCase() {
        DigestCredentials credentials = DigestCredentials.fromParams(
                Params.with(RFC7616_MD5, "response", "8CA523F5E9506FED4657C9700EEBDBEC"));
        assertEquals("8ca523f5e9506fed4657c9700eebdbec", credentials.response());
    }

    @Test
    void qopIsCaseInsensitiveAndKeptAsSent() {
        assertEquals("Auth", DigestCredentials.fromParams(Params.with(RFC7616_MD5, "qop", "Auth")).qop());
    }

    @Test
    void highestNonceCountIsRead() {
        assertEquals(0xFFFF_FFFFL,
                DigestCredentials.fromParams(Params.with(RFC7616_MD5, "nc", "FFFFFFFF")).nonceCountValue());
    }

    @Test
    void userhashFalseIsAccepted() {
        assertEquals("Mufasa", DigestCredentials.fromParams(Params.with(RFC7616_MD5, "userhash", "false")).username());
    }

    @Test
    void rfc2069FormWithoutQopCnonceAndNcIsAccepted() {
        Function<String, String> legacy = Params.with(Params.with(Params.with(RFC7616_MD5, "qop", null),
                "cnonce", null), "nc", null);
        DigestCredentials credentials = DigestCredentials.fromParams(legacy);
        assertNull(credentials.qop());
        assertNull(credentials.cnonce());
    }

    static Stream<Arguments> invalid() {
        String hex64 = "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1";
        return Stream.of(
                Arguments.of("missing username", "username", null),
                Arguments.of("empty username", "username", ""),
                Arguments.of("missing realm", "realm", null),
                Arguments.of("missing nonce", "nonce", null),
                Arguments.of("empty nonce", "nonce", ""),
                Arguments.of("missing uri", "uri", null),
                Arguments.of("empty uri", "uri", ""),
                Arguments.of("missing response", "response", null),
                Arguments.of("response one digit short", "response", "8ca523f5e9506fed4657c9700eebdbe"),
                Arguments.of("response one digit long", "response", "8ca523f5e9506fed4657c9700eebdbec0"),
                Arguments.of("response not hex", "response", "8ca523f5e9506fed4657c9700eebdbeg"),
                Arguments.of("SHA-256 response for MD5", "response", hex64),
                Arguments.of("MD5 response for SHA-256", "algorithm", "SHA-256"),
                Arguments.of("unknown algorithm", "algorithm", "SHA-1"),
                Arguments.of("empty algorithm", "algorithm", ""),
                Arguments.of("qop auth-int", "qop", "auth-int"),
                Arguments.of("qop unknown", "qop", "bogus"),
                Arguments.of("qop without cnonce", "cnonce", null),
                Arguments.of("qop with empty cnonce", "cnonce", ""),
                Arguments.of("qop without nc", "nc", null),
                Arguments.of("nc of 7 digits", "nc", "0000001"),
                Arguments.of("nc of 9 digits", "nc", "000000001"),
                Arguments.of("nc not hex", "nc", "0000000g"),
                Arguments.of("nc with sign", "nc", "+0000001"),
                Arguments.of("cnonce and nc without qop", "qop", null),
                Arguments.of("userhash", "userhash", "true"),
                Arguments.of("CR LF in username", "username", "Mufasa\r\nVia: x"),
                Arguments.of("LF in realm", "realm", "a\nb"),
                Arguments.of("NUL in uri", "uri", "/dir\u0000"),
                Arguments.of("DEL in cnonce", "cnonce", "\u007f"),
                Arguments.of("CR in opaque", "opaque", "\r"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void invalidCredentialsAreRejectedWithSipParseException(String description, String name, String value) {
        assertThrows(SipParseException.class,
                () -> DigestCredentials.fromParams(Params.with(RFC7616_MD5, name, value)));
    }

    @Test
    void sessAlgorithmWithoutQopIsRejected() {
        Function<String, String> legacySess = Params.of("username", "bob", "realm", "r", "nonce", "n", "uri", "sip:r",
                "response", "5817441f04167a7a296a753648cfb9bf", "algorithm", "MD5-sess");
        assertThrows(SipParseException.class, () -> DigestCredentials.fromParams(legacySess));
    }

    @Test
    void ncWithoutQopIsRejected() {
        Function<String, String> ncOnly = Params.with(Params.with(RFC7616_MD5, "qop", null), "cnonce", null);
        assertThrows(SipParseException.class, () -> DigestCredentials.fromParams(ncOnly));
    }

    @Test
    void arbitraryParameterCombinationsYieldCredentialsOrSipParseExceptionOnly() {
        String[] names = {"username", "realm", "nonce", "uri", "response", "algorithm", "cnonce", "nc", "qop",
            "opaque", "userhash"};
        String[] pool = {null, "", "auth", "auth-int", "00000001", "ffffffff", "8ca523f5e9506fed4657c9700eebdbec",
            "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1", "MD5", "MD5-sess", "SHA-512-256",
            "true", "\r\n", "\"\\", "x".repeat(65_536)};
        SplittableRandom random = new SplittableRandom(42);
        int accepted = 0;
        for (int round = 0; round < 5_000; round++) {
            String[] namesAndValues = new String[names.length * 2];
            for (int i = 0; i < names.length; i++) {
                namesAndValues[2 * i] = names[i];
                // mostly the valid RFC value, so that many rounds get past the first checks
                namesAndValues[2 * i + 1] = random.nextInt(10) < 6
                        ? RFC7616_MD5.apply(names[i]) : pool[random.nextInt(pool.length)];
            }
            try {
                DigestCredentials credentials = DigestCredentials.fromParams(Params.of(namesAndValues));
                assertEquals(credentials.response().length(), credentials.algorithm().hexLength());
                accepted++;
            } catch (SipParseException expected) {
                // the only permitted failure
            }
        }
        assertTrue(accepted > 0, "some combinations are valid");
    }
}
