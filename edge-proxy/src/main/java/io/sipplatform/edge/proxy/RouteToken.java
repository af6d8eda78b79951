package io.sipplatform.edge.proxy;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The state an in-dialog request needs, carried in the edge's own Record-Route URI and protected by an HMAC with
 * the cluster secret, so any edge replica can route any in-dialog request without dialog state (DESIGN §3).
 * Encoded as one URI parameter value: {@code base64url(payload) "." base64url(mac[0..16))}; only unreserved
 * characters, so it needs no escaping in a SIP URI. The first secret signs; every listed secret verifies (rotation).
 */
public final class RouteToken {
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();
    private static final int MAC_BYTES = 16;
    private static final int MAX_TOKEN = 1024;

    private final List<SecretKeySpec> keys;
    /** One initialised Mac per key and thread (a Mac is not thread-safe; getInstance and init cost per token). */
    private final ThreadLocal<Mac[]> macs;

    /** @param secrets HMAC keys, current first; each at least 16 bytes */
    public RouteToken(List<byte[]> secrets) {
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("at least one route secret");
        }
        List<SecretKeySpec> k = new ArrayList<>();
        for (byte[] s : secrets) {
            if (s.length < 16) {
                throw new IllegalArgumentException("route secret shorter than 16 bytes");
            }
            k.add(new SecretKeySpec(s.clone(), "HmacSHA256"));
        }
        this.keys = List.copyOf(k);
        this.macs = ThreadLocal.withInitial(() -> new Mac[keys.size()]);
    }

    /** Encodes and signs {@code state} (keys and values without '=', '&' or control characters). */
    public String sign(Map<String, String> state) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : state.entrySet()) {
            check(e.getKey());
            check(e.getValue());
            if (sb.length() > 0) {
                sb.append('&');
            }
            sb.append(e.getKey()).append('=').append(e.getValue());
        }
        byte[] payload = sb.toString().getBytes(StandardCharsets.UTF_8);
        return B64.encodeToString(payload) + "." + B64.encodeToString(mac(0, payload));
    }

    /** The state if the token is well formed and signed by a known secret; empty otherwise (never throws). */
    public Optional<Map<String, String>> verify(String token) {
        if (token == null || token.length() > MAX_TOKEN) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            return Optional.empty();
        }
        byte[] payload;
        byte[] mac;
        try {
            payload = B64D.decode(token.substring(0, dot));
            mac = B64D.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        boolean ok = false;
        for (int i = 0; i < keys.size(); i++) {
            ok |= MessageDigest.isEqual(mac, mac(i, payload));
        }
        if (!ok) {
            return Optional.empty();
        }
        Map<String, String> state = new LinkedHashMap<>();
        String text = new String(payload, StandardCharsets.UTF_8);
        if (!text.isEmpty()) {
            for (String pair : text.split("&", -1)) {
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    return Optional.empty();
                }
                state.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        return Optional.of(Map.copyOf(state));
    }

    /**
     * The HMAC (same length as a token's) of {@code payload} for another {@code purpose} than Record-Route state
     * (e.g. a media teardown context), under the current secret. The purpose is part of the MAC input, so a value
     * signed for one purpose never verifies for another.
     */
    public byte[] sign(String purpose, byte[] payload) {
        return mac(0, purpose, payload);
    }

    /** Whether {@code mac} is {@code payload}'s MAC for {@code purpose} under any listed secret (never throws). */
    public boolean verify(String purpose, byte[] payload, byte[] mac) {
        boolean ok = false;
        for (int i = 0; i < keys.size(); i++) {
            ok |= MessageDigest.isEqual(mac, mac(i, purpose, payload));
        }
        return ok;
    }

    /** Length of the MACs {@link #sign(String, byte[])} makes. */
    public static int macLength() {
        return MAC_BYTES;
    }

    private byte[] mac(int key, String purpose, byte[] payload) {
        Mac m = initialised(key);
        m.update(purpose.getBytes(StandardCharsets.UTF_8));
        m.update((byte) 0); // a purpose is never a prefix of purpose + payload
        return truncated(m.doFinal(payload));
    }

    private byte[] mac(int key, byte[] payload) {
        return truncated(initialised(key).doFinal(payload)); // doFinal resets the Mac for the next token
    }

    private static byte[] truncated(byte[] full) {
        byte[] out = new byte[MAC_BYTES];
        System.arraycopy(full, 0, out, 0, MAC_BYTES);
        return out;
    }

    private Mac initialised(int key) {
        Mac[] perKey = macs.get();
        Mac m = perKey[key];
        if (m == null) {
            try {
                m = Mac.getInstance("HmacSHA256");
                m.init(keys.get(key));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 unavailable", e);
            }
            perKey[key] = m;
        }
        return m;
    }

    /** Whether {@code s} may be a key or value of the state ({@link #sign} refuses the others). */
    public static boolean valueAllowed(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '=' || c == '&' || c < 0x20 || c == 0x7f) {
                return false;
            }
        }
        return true;
    }

    private static void check(String s) {
        if (!valueAllowed(s)) {
            throw new IllegalArgumentException("route state must not contain '=', '&' or controls: " + s);
        }
    }
}
