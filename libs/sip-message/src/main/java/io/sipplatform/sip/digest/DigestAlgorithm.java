package io.sipplatform.sip.digest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The digest algorithms of RFC 7616 §3.2 / §6.1 that SIP may use (RFC 8760 §2.1). The set is closed by the IANA
 * "HTTP Digest Hash Algorithms" registry and an unknown token is rejected rather than carried, hence an enum.
 * Hashes are rendered as lower-case hex, the form RFC 7616 §3.4.1 feeds into KD.
 */
public enum DigestAlgorithm {
    MD5("MD5", "MD5", false),
    MD5_SESS("MD5-sess", "MD5", true),
    SHA_256("SHA-256", "SHA-256", false),
    SHA_256_SESS("SHA-256-sess", "SHA-256", true),
    // RFC 7616 §3.2: "SHA-512-256" is SHA-512/256 of FIPS 180-4 (own IVs), not SHA-512 cut to 256 bits.
    SHA_512_256("SHA-512-256", "SHA-512/256", false),
    SHA_512_256_SESS("SHA-512-256-sess", "SHA-512/256", true);

    private static final DigestAlgorithm[] ALL = values();
    private static final HexFormat HEX = HexFormat.of();

    private final String token;
    private final boolean session;
    private final MessageDigest prototype;

    DigestAlgorithm(String token, String jcaName, boolean session) {
        this.token = token;
        this.session = session;
        try {
            this.prototype = MessageDigest.getInstance(jcaName);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("JDK lacks " + jcaName, e);
        }
    }

    /** The token as written in the {@code algorithm} parameter, e.g. {@code SHA-256-sess}. */
    public String token() {
        return token;
    }

    /** True for the {@code -sess} variants, whose HA1 also covers nonce and cnonce (RFC 7616 §3.4.2). */
    public boolean session() {
        return session;
    }

    /** Length in hex characters of this algorithm's hashes (32 for MD5, 64 for the SHA variants). */
    public int hexLength() {
        return prototype.getDigestLength() * 2;
    }

    /**
     * Looks an {@code algorithm} parameter up, ignoring case.
     *
     * @param token the parameter value, or null when the parameter is absent
     * @return MD5 when {@code token} is null (RFC 7616 §3.3: absent means MD5), empty when the token is unknown
     */
    public static Optional<DigestAlgorithm> fromToken(String token) {
        if (token == null) {
            return Optional.of(MD5);
        }
        for (DigestAlgorithm algorithm : ALL) {
            if (algorithm.token.equalsIgnoreCase(token)) {
                return Optional.of(algorithm);
            }
        }
        return Optional.empty();
    }

    /** H(data) of RFC 7616 §3.4: the UTF-8 bytes of {@code data} hashed, as lower-case hex. */
    public String hash(String data) {
        return HEX.formatHex(newDigest().digest(data.getBytes(StandardCharsets.UTF_8)));
    }

    /** H(part1:part2:...) without building the joined string first. */
    String hashJoined(String... parts) {
        MessageDigest digest = newDigest();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                digest.update((byte) ':');
            }
            digest.update(parts[i].getBytes(StandardCharsets.UTF_8));
        }
        return HEX.formatHex(digest.digest());
    }

    private MessageDigest newDigest() {
        try {
            // The JDK's digests are cloneable; cloning skips the provider lookup of getInstance on every request.
            return (MessageDigest) prototype.clone();
        } catch (CloneNotSupportedException e) {
            try {
                return MessageDigest.getInstance(prototype.getAlgorithm());
            } catch (NoSuchAlgorithmException impossible) {
                throw new IllegalStateException(impossible);
            }
        }
    }
}
