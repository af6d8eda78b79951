package io.sipplatform.sip.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NonceCodecTest {
    static final byte[] SECRET = "digest-test-secret-0123456789abc".getBytes(StandardCharsets.US_ASCII);
    static final byte[] NEXT_SECRET = "the-secret-that-replaces-the-old".getBytes(StandardCharsets.US_ASCII);
    static final Instant T0 = Instant.ofEpochSecond(1_700_000_000L);
    static final Duration LIFETIME = Duration.ofMinutes(5);
    static final String REALM = "biloxi.com";

    final ManualClock clock = new ManualClock(T0);
    final NonceCodec codec = new NonceCodec(List.of(SECRET), clock, LIFETIME, new SecureRandom());

    @Test
    void nonceLayoutMatchesOpensslComputation() {
        // base64url(time | 01..08 | HMAC-SHA256(secret, time | 01..08 | realm)[0..16)), computed with
        // xxd + openssl dgst -sha256 -mac HMAC + base64 | tr '+/' '-_' | tr -d '='
        NonceCodec reproducible = new NonceCodec(List.of(SECRET), clock, LIFETIME, new FixedBytes());
        assertEquals("AAAAAGVT8QABAgMEBQYHCP73ol_UXZMDoJUFp-pU-hM", reproducible.issue(REALM));
    }

    @Test
    void freshNonceIsValid() {
        String nonce = codec.issue(REALM);
        assertEquals(43, nonce.length());
        assertTrue(nonce.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '_'), nonce);
        assertEquals(NonceStatus.VALID, codec.check(nonce, REALM));
    }

    @Test
    void nonceStaysValidForItsWholeLifetimeThenTurnsStale() {
        String nonce = codec.issue(REALM);
        clock.advance(LIFETIME);
        assertEquals(NonceStatus.VALID, codec.check(nonce, REALM));
        clock.advance(Duration.ofSeconds(1));
        assertEquals(NonceStatus.STALE, codec.check(nonce, REALM));
        clock.advance(Duration.ofDays(400));
        assertEquals(NonceStatus.STALE, codec.check(nonce, REALM));
    }

    @Test
    void nonceFromAReplicaWhoseClockIsSlightlyAheadIsValid() {
        ManualClock ahead = new ManualClock(T0.plus(NonceCodec.DEFAULT_MAX_FUTURE_SKEW));
        String nonce = new NonceCodec(List.of(SECRET), ahead, LIFETIME, new SecureRandom()).issue(REALM);
        assertEquals(NonceStatus.VALID, codec.check(nonce, REALM));
    }

    @Test
    void nonceDatedBeyondTheFutureSkewIsStale() {
        ManualClock ahead = new ManualClock(T0.plus(NonceCodec.DEFAULT_MAX_FUTURE_SKEW).plusSeconds(1));
        String nonce = new NonceCodec(List.of(SECRET), ahead, LIFETIME, new SecureRandom()).issue(REALM);
        assertEquals(NonceStatus.STALE, codec.check(nonce, REALM));
    }

    @Test
    void changingAnyCharacterOfTheNonceMakesItInvalid() {
        String nonce = codec.issue(REALM);
        for (int i = 0; i < nonce.length(); i++) {
            char replacement = nonce.charAt(i) == 'A' ? 'B' : 'A';
            String forged = nonce.substring(0, i) + replacement + nonce.substring(i + 1);
            assertEquals(NonceStatus.INVALID, codec.check(forged, REALM), "changed position " + i);
        }
    }

    @Test
    void secondSpellingOfTheSameBytesIsInvalid() {
        // 'M' (index 12) and 'N' (13) differ only in the 2 bits the last character carries beyond 32 bytes.
        String nonce = "AAAAAGVT8QABAgMEBQYHCP73ol_UXZMDoJUFp-pU-hM";
        NonceCodec reproducible = new NonceCodec(List.of(SECRET), clock, LIFETIME, new FixedBytes());
        assertEquals(NonceStatus.VALID, reproducible.check(nonce, REALM));
        assertEquals(NonceStatus.INVALID, reproducible.check(nonce.substring(0, 42) + "N", REALM));
    }

    @Test
    void truncatedOrExtendedNonceIsInvalid() {
        String nonce = codec.issue(REALM);
        assertEquals(NonceStatus.INVALID, codec.check(nonce.substring(0, 42), REALM));
        assertEquals(NonceStatus.INVALID, codec.check(nonce.substring(1), REALM));
        assertEquals(NonceStatus.INVALID, codec.check(nonce + "A", REALM));
        assertEquals(NonceStatus.INVALID, codec.check(nonce + "=", REALM));
    }

    @Test
    void nonceIssuedForAnotherRealmIsInvalid() {
        String nonce = codec.issue("atlanta.com");
        assertEquals(NonceStatus.INVALID, codec.check(nonce, REALM));
        assertEquals(NonceStatus.INVALID, codec.check(nonce, "ATLANTA.COM"));
        assertEquals(NonceStatus.INVALID, codec.check(nonce, null));
    }

    @Test
    void anyReplicaWithTheSameSecretAcceptsTheNonce() {
        NonceCodec otherReplica = new NonceCodec(List.of(SECRET.clone()), clock, LIFETIME, new SplittableRandom());
        assertEquals(NonceStatus.VALID, otherReplica.check(codec.issue(REALM), REALM));
        assertEquals(NonceStatus.VALID, codec.check(otherReplica.issue(REALM), REALM));
    }

    @Test
    void nonceSignedWithTheRotatedOutSecretIsStillAccepted() {
        String oldNonce = codec.issue(REALM);
        NonceCodec rotated = new NonceCodec(List.of(NEXT_SECRET, SECRET), clock, LIFETIME, new SecureRandom());
        assertEquals(NonceStatus.VALID, rotated.check(oldNonce, REALM));
        assertEquals(NonceStatus.VALID, rotated.check(rotated.issue(REALM), REALM));
    }

    @Test
    void nonceSignedWithAnUnknownSecretIsInvalid() {
        NonceCodec stranger = new NonceCodec(List.of(NEXT_SECRET), clock, LIFETIME, new SecureRandom());
        assertEquals(NonceStatus.INVALID, codec.check(stranger.issue(REALM), REALM));
    }

    @Test
    void staleNonceWithForgedMacIsInvalidNotStale() {
        NonceCodec stranger = new NonceCodec(List.of(NEXT_SECRET), clock, LIFETIME, new SecureRandom());
        String nonce = stranger.issue(REALM);
        clock.advance(LIFETIME.multipliedBy(2));
        assertEquals(NonceStatus.INVALID, codec.check(nonce, REALM));
    }

    @Test
    void noncesIssuedInTheSameSecondDiffer() {
        assertNotEquals(codec.issue(REALM), codec.issue(REALM));
    }

    static Stream<Arguments> garbage() {
        return Stream.of(
                Arguments.of("null", null),
                Arguments.of("empty", ""),
                Arguments.of("one character", "!"),
                Arguments.of("43 characters outside base64", "!".repeat(43)),
                Arguments.of("standard base64 alphabet", "AAAAAGVT8QABAgMEBQYHCP73ol/UXZMDoJUFp+pU+hM"),
                Arguments.of("42 characters and padding", "AAAAAGVT8QABAgMEBQYHCP73ol_UXZMDoJUFp-pU-h="),
                Arguments.of("all zero bytes", "A".repeat(43)),
                Arguments.of("whitespace", " ".repeat(43)),
                Arguments.of("non-ASCII", "\u00e9".repeat(43)),
                Arguments.of("64 KiB", "A".repeat(65_536)),
                Arguments.of("RFC 7616 example nonce", "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("garbage")
    void garbageIsInvalid(String description, String nonce) {
        assertEquals(NonceStatus.INVALID, codec.check(nonce, REALM));
    }

    @Test
    void randomStringsAreInvalidAndNeverThrow() {
        SplittableRandom random = new SplittableRandom(7);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_=+/ \"\\";
        for (int round = 0; round < 5_000; round++) {
            StringBuilder nonce = new StringBuilder();
            int length = round % 2 == 0 ? 43 : random.nextInt(100);
            for (int i = 0; i < length; i++) {
                nonce.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            assertEquals(NonceStatus.INVALID, codec.check(nonce.toString(), REALM), nonce.toString());
        }
    }

    @Test
    void laterChangesToTheSecretArrayDoNotAffectTheCodec() {
        byte[] secret = SECRET.clone();
        NonceCodec ownCopy = new NonceCodec(List.of(secret), clock, LIFETIME, new SecureRandom());
        String nonce = ownCopy.issue(REALM);
        secret[0] ^= 1;
        assertEquals(NonceStatus.VALID, ownCopy.check(nonce, REALM));
    }

    @Test
    void misconfigurationIsRefusedAtConstruction() {
        SecureRandom random = new SecureRandom();
        assertThrows(IllegalArgumentException.class, () -> new NonceCodec(List.of(), clock, LIFETIME, random));
        assertThrows(IllegalArgumentException.class,
                () -> new NonceCodec(List.of(new byte[NonceCodec.MIN_SECRET_BYTES - 1]), clock, LIFETIME, random));
        assertThrows(IllegalArgumentException.class,
                () -> new NonceCodec(List.of(SECRET), clock, Duration.ofMillis(999), random));
        assertThrows(IllegalArgumentException.class,
                () -> new NonceCodec(List.of(SECRET), clock, Duration.ofSeconds(-1), random));
        assertThrows(IllegalArgumentException.class,
                () -> new NonceCodec(List.of(SECRET), clock, LIFETIME, random, Duration.ofSeconds(-1)));
    }
}
