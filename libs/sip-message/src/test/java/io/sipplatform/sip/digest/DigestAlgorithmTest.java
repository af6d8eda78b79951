package io.sipplatform.sip.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class DigestAlgorithmTest {

    @ParameterizedTest(name = "{0} is written {1}")
    @CsvSource({
        "MD5, MD5",
        "MD5_SESS, MD5-sess",
        "SHA_256, SHA-256",
        "SHA_256_SESS, SHA-256-sess",
        "SHA_512_256, SHA-512-256",
        "SHA_512_256_SESS, SHA-512-256-sess"})
    void tokenIsTheRegisteredName(DigestAlgorithm algorithm, String token) {
        assertEquals(token, algorithm.token());
        assertEquals(Optional.of(algorithm), DigestAlgorithm.fromToken(token));
    }

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource({"md5, MD5", "sha-256, SHA_256", "Sha-512-256-Sess, SHA_512_256_SESS", "MD5-SESS, MD5_SESS"})
    void tokenLookupIgnoresCase(String token, DigestAlgorithm expected) {
        assertEquals(Optional.of(expected), DigestAlgorithm.fromToken(token));
    }

    @Test
    void absentAlgorithmMeansMd5() {
        assertEquals(Optional.of(DigestAlgorithm.MD5), DigestAlgorithm.fromToken(null));
    }

    @ParameterizedTest(name = "\"{0}\" is unknown")
    @ValueSource(strings = {"", "SHA-1", "SHA-512", "AKAv1-MD5", "MD5 ", "SHA256", "auth"})
    void unknownAlgorithmIsEmpty(String token) {
        assertTrue(DigestAlgorithm.fromToken(token).isEmpty());
    }

    @ParameterizedTest(name = "{0}(abc)")
    @CsvSource({
        "MD5, 900150983cd24fb0d6963f7d28e17f72",
        "SHA_256, ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        // FIPS 180-4 SHA-512/256, not truncated SHA-512 (openssl dgst -sha512-256)
        "SHA_512_256, 53048e2681941ef99b2e29b76b4c7dabe4c2d0c634fc6d46e0e2f13107e7af23"})
    void hashIsLowerCaseHexOfTheFipsFunction(DigestAlgorithm algorithm, String expected) {
        assertEquals(expected, algorithm.hash("abc"));
    }

    @ParameterizedTest
    @EnumSource(DigestAlgorithm.class)
    void sessionVariantHashesLikeItsBase(DigestAlgorithm algorithm) {
        DigestAlgorithm base = DigestAlgorithm.fromToken(algorithm.token().replace("-sess", "")).orElseThrow();
        assertEquals(base.hash("x"), algorithm.hash("x"));
        assertEquals(algorithm.token().endsWith("-sess"), algorithm.session());
        assertEquals(algorithm.hash("x").length(), algorithm.hexLength());
    }

    @Test
    void md5HashesAre32AndShaHashes64HexDigits() {
        assertEquals(32, DigestAlgorithm.MD5.hexLength());
        assertEquals(64, DigestAlgorithm.SHA_256.hexLength());
        assertEquals(64, DigestAlgorithm.SHA_512_256_SESS.hexLength());
        assertFalse(DigestAlgorithm.SHA_256.session());
    }

    @Test
    void hashEncodesNonAsciiAsUtf8() {
        // printf 'J\xc3\xbcrgen' | md5sum
        assertEquals("ebaf432fe1d5fc33effaa72d7abd3e3b", DigestAlgorithm.MD5.hash("J\u00fcrgen"));
    }
}
