package io.sipplatform.sip.digest;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stateless nonces (RFC 7616 §3.3 suggests a time stamp plus a keyed hash): no nonce table, so any replica holding
 * the same secret checks a nonce any other replica issued. A nonce is the URL-safe base64, without padding, of
 * <pre>issue time, epoch seconds (8 bytes) | random (8 bytes) | HMAC-SHA256(secret, time | random | realm)[0..16)</pre>
 * 43 characters, all of them token characters, so it survives quoting and logging untouched.
 *
 * <p>Key rotation: the first secret signs, all secrets verify. Roll a new secret out as second on every replica,
 * then promote it to first, then drop the old one after one lifetime. Instances are thread-safe when the random
 * generator is (SecureRandom is).
 */
public final class NonceCodec {
    /** Default tolerance for a nonce dated in the future: replica clocks disagreeing by up to this are not stale. */
    public static final Duration DEFAULT_MAX_FUTURE_SKEW = Duration.ofSeconds(10);
    /** Shortest accepted secret: 128 bits, below that HMAC-SHA256 is only as strong as the key. */
    public static final int MIN_SECRET_BYTES = 16;

    private static final String HMAC = "HmacSHA256";
    private static final int TIME_BYTES = 8;
    private static final int RANDOM_BYTES = 8;
    private static final int MAC_BYTES = 16;
    private static final int NONCE_BYTES = TIME_BYTES + RANDOM_BYTES + MAC_BYTES;
    private static final int NONCE_CHARS = (NONCE_BYTES * 8 + 5) / 6; // 43: no padding
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final List<Mac> macs; // initialised prototypes, cloned per use: Mac is not thread-safe
    private final InstantSource clock;
    private final long lifetimeSeconds;
    private final long maxFutureSkewSeconds;
    private final RandomGenerator random;

    /** As {@link #NonceCodec(List, InstantSource, Duration, RandomGenerator, Duration)} with the default skew. */
    public NonceCodec(List<byte[]> secrets, InstantSource clock, Duration lifetime, RandomGenerator random) {
        this(secrets, clock, lifetime, random, DEFAULT_MAX_FUTURE_SKEW);
    }

    /**
     * @param secrets       first signs new nonces, all are accepted when checking (rotation); each at least
     *                      {@value #MIN_SECRET_BYTES} bytes; copied, later changes to the arrays have no effect
     * @param clock         source of issue and check times
     * @param lifetime      how long a nonce stays VALID; older ones are STALE. Whole seconds count (nonce time is in
     *                      seconds). A REGISTER refresh every ~half an hour re-challenges once per lifetime.
     * @param random        fills the random part; keeps nonces issued in the same second apart (nc tracking is per
     *                      nonce)
     * @param maxFutureSkew how far in the future a nonce's time may lie before it counts as STALE
     */
    public NonceCodec(List<byte[]> secrets, InstantSource clock, Duration lifetime, RandomGenerator random,
            Duration maxFutureSkew) {
        Objects.requireNonNull(secrets, "secrets");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("at least one nonce secret is required");
        }
        if (lifetime.isNegative() || lifetime.getSeconds() < 1) {
            throw new IllegalArgumentException("nonce lifetime must be at least one second: " + lifetime);
        }
        if (maxFutureSkew.isNegative()) {
            throw new IllegalArgumentException("future skew must not be negative: " + maxFutureSkew);
        }
        this.lifetimeSeconds = lifetime.getSeconds();
        this.maxFutureSkewSeconds = maxFutureSkew.getSeconds();
        List<Mac> initialised = new ArrayList<>(secrets.size());
        for (byte[] secret : secrets) {
            if (secret == null || secret.length < MIN_SECRET_BYTES) {
                throw new IllegalArgumentException("nonce secrets need at least " + MIN_SECRET_BYTES + " bytes");
            }
            initialised.add(newMac(secret.clone()));
        }
        this.macs = List.copyOf(initialised);
    }

    /** A fresh nonce for {@code realm}, signed with the first secret. */
    public String issue(String realm) {
        Objects.requireNonNull(realm, "realm");
        byte[] nonce = new byte[NONCE_BYTES];
        ByteBuffer.wrap(nonce).putLong(clock.instant().getEpochSecond());
        byte[] randomPart = new byte[RANDOM_BYTES];
        random.nextBytes(randomPart);
        System.arraycopy(randomPart, 0, nonce, TIME_BYTES, RANDOM_BYTES);
        byte[] mac = mac(macs.get(0), nonce, realm);
        System.arraycopy(mac, 0, nonce, TIME_BYTES + RANDOM_BYTES, MAC_BYTES);
        return ENCODER.encodeToString(nonce);
    }

    /** Checks a nonce a client sent back; any string, of any length, is answered without an exception. */
    public NonceStatus check(String nonce, String realm) {
        // Length first: a 60 KB "nonce" costs nothing and never reaches the decoder.
        if (nonce == null || realm == null || nonce.length() != NONCE_CHARS) {
            return NonceStatus.INVALID;
        }
        byte[] bytes;
        try {
            bytes = DECODER.decode(nonce);
        } catch (IllegalArgumentException notBase64) {
            return NonceStatus.INVALID;
        }
        // The decoder ignores the 2 spare bits of the last character; re-encoding makes the string canonical, so
        // one issued nonce has exactly one accepted spelling (nonce-count tracking is keyed by the string).
        if (bytes.length != NONCE_BYTES || !ENCODER.encodeToString(bytes).equals(nonce)) {
            return NonceStatus.INVALID;
        }
        byte[] received = new byte[MAC_BYTES];
        System.arraycopy(bytes, TIME_BYTES + RANDOM_BYTES, received, 0, MAC_BYTES);
        if (!signedByAcceptedSecret(bytes, realm, received)) {
            return NonceStatus.INVALID;
        }
        long issued = ByteBuffer.wrap(bytes).getLong();
        long now = clock.instant().getEpochSecond();
        // Signed differences: an issue time near Long.MIN/MAX cannot be forged (MAC) but stay overflow-safe anyway.
        if (issued > now && issued - now > maxFutureSkewSeconds) {
            return NonceStatus.STALE;
        }
        if (issued < now && now - issued > lifetimeSeconds) {
            return NonceStatus.STALE;
        }
        return NonceStatus.VALID;
    }

    private boolean signedByAcceptedSecret(byte[] nonce, String realm, byte[] received) {
        for (Mac prototype : macs) {
            byte[] expected = mac(prototype, nonce, realm);
            byte[] truncated = new byte[MAC_BYTES];
            System.arraycopy(expected, 0, truncated, 0, MAC_BYTES);
            if (MessageDigest.isEqual(truncated, received)) { // constant time in the MAC bytes
                return true;
            }
        }
        return false;
    }

    private static byte[] mac(Mac prototype, byte[] nonce, String realm) {
        Mac mac = copy(prototype);
        mac.update(nonce, 0, TIME_BYTES + RANDOM_BYTES);
        mac.update(realm.getBytes(StandardCharsets.UTF_8)); // binds the nonce to the realm it was issued for
        return mac.doFinal();
    }

    private static Mac copy(Mac prototype) {
        try {
            return (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(HMAC + " of this JDK is not cloneable", e);
        }
    }

    private static Mac newMac(byte[] secret) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(secret, HMAC));
            copy(mac); // fail at construction, not on the first request, if the provider cannot clone
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("JDK lacks " + HMAC, e);
        }
    }
}
