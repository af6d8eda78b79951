package io.sipplatform.registrar.domain;

import io.sipplatform.sip.digest.BoundedNonceCountTracker;
import io.sipplatform.sip.digest.DigestAlgorithm;
import io.sipplatform.sip.digest.DigestChallenge;
import io.sipplatform.sip.digest.DigestClient;
import io.sipplatform.sip.digest.DigestCredentials;
import io.sipplatform.sip.digest.DigestVerifier;
import io.sipplatform.sip.digest.Ha1;
import io.sipplatform.sip.digest.NonceCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * A registrar with digest authentication over fakes: accounts alice (may register sip:alice@example.com) and bob
 * (may register sip:bob@example.com, sip:support@example.com and sip:bob@other.example), password "secret", realm example.com; source bans
 * after 3 failures, account bans after 5, both within 5 minutes; a fixed clock.
 */
final class AuthFixture {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final String REALM = "example.com";
    static final String PASSWORD = "secret";
    static final byte[] SECRET = "cluster-secret-32-bytes-for-test".getBytes(StandardCharsets.US_ASCII);
    static final Duration NONCE_LIFETIME = Duration.ofSeconds(300);
    static final BruteForcePolicy BANS = new BruteForcePolicy(Duration.ofMinutes(5), 3, Duration.ofMinutes(15), 5,
            Duration.ofMinutes(2));

    /** A credentials source over a map, which can be told to be unreachable. */
    static final class FakeCredentials implements CredentialsSource {
        final Map<String, DigestAccount> accounts = new HashMap<>();
        boolean unavailable;
        int lookups;

        @Override
        public Optional<DigestAccount> find(String username, String realm) {
            lookups++;
            if (unavailable) {
                throw new CredentialsUnavailableException("routing-service down (test)", null);
            }
            return Optional.ofNullable(accounts.get(username + "@" + realm));
        }
    }

    /** Counts security events. */
    static final class RecordedEvents implements SecurityEvents {
        final List<AuthFailure> failures = new ArrayList<>();
        final List<BanScope> bans = new ArrayList<>();

        @Override
        public void authFailed(AuthFailure failure) {
            failures.add(failure);
        }

        @Override
        public void banned(BanScope scope) {
            bans.add(scope);
        }
    }

    final MutableClock clock = new MutableClock(T0);
    final InMemoryLocationStore store = new InMemoryLocationStore();
    final FakeCredentials credentials = new FakeCredentials();
    final RecordedEvents events = new RecordedEvents();
    final NonceCodec nonces = new NonceCodec(List.of(SECRET), clock, NONCE_LIFETIME, new Random(7));
    final Registrar registrar;
    private long nc;

    AuthFixture() {
        this(RegisterRulesTest.POLICY);
    }

    AuthFixture(RegistrarPolicy policy) {
        credentials.accounts.put("alice@" + REALM, account("alice", List.of()));
        credentials.accounts.put("bob@" + REALM, account("bob",
                List.of(new Aor("sip:bob@example.com"), new Aor("sip:support@example.com"),
                        new Aor("sip:bob@other.example"))));
        DigestAuthenticator authenticator = new DigestAuthenticator(nonces,
                new DigestVerifier(nonces, new BoundedNonceCountTracker(1000)), credentials,
                new BruteForceGuard(new LocalFailureCounters(clock, 10_000), BANS, events),
                List.of(DigestAlgorithm.SHA_256, DigestAlgorithm.MD5), Duration.ofSeconds(30), events);
        registrar = new Registrar(store, policy, Optional.of(authenticator), clock);
    }

    static DigestAccount account(String username, List<Aor> aors) {
        Map<DigestAlgorithm, String> ha1 = new EnumMap<>(DigestAlgorithm.class);
        ha1.put(DigestAlgorithm.MD5, Ha1.of(DigestAlgorithm.MD5, username, REALM, PASSWORD));
        ha1.put(DigestAlgorithm.SHA_256, Ha1.of(DigestAlgorithm.SHA_256, username, REALM, PASSWORD));
        return new DigestAccount(username, REALM, ha1, aors, "customer-1", "trunk-1");
    }

    RegisterOutcome register(Requests request) {
        return registrar.register(request.build());
    }

    /** The first challenge of a 401 to an unauthenticated copy of {@code request}. */
    DigestChallenge challenge(Requests request) {
        RegisterOutcome outcome = register(request);
        return ((RegisterOutcome.Challenged) outcome).challenges().get(0);
    }

    /** Digest fields answering {@code challenge} as {@code username} with {@code password}. */
    DigestFields answer(DigestChallenge challenge, String username, String password) {
        return answer(challenge, username, password, "sip:example.com");
    }

    DigestFields answer(DigestChallenge challenge, String username, String password, String uri) {
        DigestCredentials credentials = DigestClient.answer(challenge, "REGISTER", uri, username, password,
                "cnonce-" + (++nc), nc);
        return fields(credentials);
    }

    static DigestFields fields(DigestCredentials c) {
        return new DigestFields(c.username(), c.realm(), c.nonce(), c.uri(), c.response(), c.algorithm().token(),
                c.cnonce(), c.opaque(), c.qop(), c.nonceCount(), false, "REGISTER");
    }

    /** Registers {@code request} as alice with the right password, going through the 401 first. */
    RegisterOutcome authenticated(java.util.function.Supplier<Requests> request) {
        return authenticatedAs("alice", request);
    }

    /** Registers {@code request} as {@code username} with the right password, going through the 401 first. */
    RegisterOutcome authenticatedAs(String username, java.util.function.Supplier<Requests> request) {
        // The nonce is not bound to a source, so a banned source can still be shown presenting right credentials.
        DigestChallenge challenge = challenge(Requests.register().source("192.0.2.250"));
        return register(request.get().authorization(answer(challenge, username, PASSWORD)));
    }

    /** Sends {@code times} REGISTERs with a wrong password from {@code sourceIp} as {@code username}. */
    void failLogins(int times, String sourceIp, String username) {
        for (int i = 0; i < times; i++) {
            DigestChallenge challenge = challenge(Requests.register().source(sourceIp));
            register(Requests.register().source(sourceIp).contact("sip:x@192.0.2.1")
                    .authorization(answer(challenge, username, "wrong")));
        }
    }

}
