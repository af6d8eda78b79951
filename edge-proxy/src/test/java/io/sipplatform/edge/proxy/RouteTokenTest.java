package io.sipplatform.edge.proxy;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RouteTokenTest {
    private static final byte[] A = "cluster-secret-one-0123456789".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] B = "cluster-secret-two-0123456789".getBytes(StandardCharsets.US_ASCII);

    private static Map<String, String> state() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("flow", "e1:t42");
        m.put("relay", "relay-0");
        return m;
    }

    @Test
    void anyReplicaWithTheSecretReadsTheState() {
        String token = new RouteToken(List.of(A)).sign(state());
        assertEquals(state(), new RouteToken(List.of(A)).verify(token).orElseThrow());
        assertTrue(token.matches("[A-Za-z0-9_.-]+"), "only URI-safe characters: " + token);
    }

    @Test
    void aTamperedTokenIsRefused() {
        String token = new RouteToken(List.of(A)).sign(state());
        String forged = new RouteToken(List.of(B)).sign(Map.of("flow", "e9:t1"));
        String swapped = forged.substring(0, forged.indexOf('.')) + token.substring(token.indexOf('.'));
        assertTrue(new RouteToken(List.of(A)).verify(swapped).isEmpty());
        assertTrue(new RouteToken(List.of(A)).verify(forged).isEmpty());
    }

    @Test
    void aRotatedSecretStillVerifiesOldTokens() {
        String old = new RouteToken(List.of(A)).sign(state());
        assertEquals(state(), new RouteToken(List.of(B, A)).verify(old).orElseThrow());
    }

    @Test
    void garbageNeverThrows() {
        RouteToken rt = new RouteToken(List.of(A));
        for (String g : new String[] {"", ".", "a.b.c", "!!!.???", "x".repeat(5000), null}) {
            assertTrue(rt.verify(g).isEmpty(), String.valueOf(g));
        }
    }

    @Test
    void stateWithSeparatorsIsRefusedWhenSigning() {
        assertThrows(IllegalArgumentException.class,
                () -> new RouteToken(List.of(A)).sign(Map.of("flow", "a&b=c")));
    }
}
