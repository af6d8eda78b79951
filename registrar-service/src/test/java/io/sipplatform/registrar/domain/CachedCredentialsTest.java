package io.sipplatform.registrar.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sipplatform.sip.digest.DigestAlgorithm;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CachedCredentialsTest {
    private Instant now = Instant.parse("2026-11-21T12:00:00Z");
    private final List<String> asked = new ArrayList<>();
    private boolean down;
    private final DigestAccount alice = new DigestAccount("alice", "sip.local",
            Map.of(DigestAlgorithm.MD5, "0123456789abcdef0123456789abcdef"), List.of(), "c1", "t1");
    private final CredentialsSource source = (username, realm) -> {
        asked.add(username);
        if (down) {
            throw new CredentialsUnavailableException("routing down", null);
        }
        return username.equals("alice") ? Optional.of(alice) : Optional.empty();
    };
    private final CachedCredentials cache = new CachedCredentials(source, Duration.ofSeconds(30),
            Duration.ofSeconds(5), 3, () -> now);

    @Test
    void aFoundAccountIsAskedOnceWithinTheTtlAndAgainAfterIt() {
        assertEquals(Optional.of(alice), cache.find("alice", "sip.local"));
        now = now.plusSeconds(29);
        assertEquals(Optional.of(alice), cache.find("alice", "sip.local"));
        assertEquals(List.of("alice"), asked);
        now = now.plusSeconds(2);
        cache.find("alice", "sip.local");
        assertEquals(List.of("alice", "alice"), asked, "past the TTL a password change is seen");
    }

    @Test
    void anUnknownUserIsKeptOnlyForTheShorterNegativeTtl() {
        assertTrue(cache.find("mallory", "sip.local").isEmpty());
        now = now.plusSeconds(4);
        assertTrue(cache.find("mallory", "sip.local").isEmpty());
        assertEquals(List.of("mallory"), asked);
        now = now.plusSeconds(2);
        cache.find("mallory", "sip.local");
        assertEquals(List.of("mallory", "mallory"), asked);
    }

    @Test
    void anUnavailableSourceIsNeverCached() {
        down = true;
        assertThrows(CredentialsUnavailableException.class, () -> cache.find("alice", "sip.local"));
        down = false;
        assertEquals(Optional.of(alice), cache.find("alice", "sip.local"));
        assertEquals(List.of("alice", "alice"), asked);
    }

    @Test
    void realmsAreSeparateAndTheSizeIsCapped() {
        cache.find("alice", "sip.local");
        cache.find("alice", "other.example");
        cache.find("bob", "sip.local");
        assertEquals(3, cache.size());
        cache.find("carol", "sip.local");
        assertEquals(1, cache.size(), "full: emptied and refilled");
        assertEquals(List.of("alice", "alice", "bob", "carol"), asked);
    }

    @Test
    void aZeroTtlAsksEveryTime() {
        CachedCredentials off = new CachedCredentials(source, Duration.ZERO, Duration.ZERO, 10, () -> now);
        off.find("alice", "sip.local");
        off.find("alice", "sip.local");
        assertEquals(List.of("alice", "alice"), asked);
        assertEquals(0, off.size());
    }
}
