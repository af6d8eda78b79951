package io.sipplatform.registrar;

import io.quarkus.arc.DefaultBean;
import io.sipplatform.registrar.credentials.RoutingCredentialsSource;
import io.sipplatform.registrar.credentials.StaticCredentialsSource;
import io.sipplatform.registrar.domain.BruteForceGuard;
import io.sipplatform.registrar.domain.BruteForcePolicy;
import io.sipplatform.registrar.domain.CredentialsSource;
import io.sipplatform.registrar.domain.DigestAuthenticator;
import io.sipplatform.registrar.domain.FailureCounters;
import io.sipplatform.registrar.domain.LocationStore;
import io.sipplatform.registrar.domain.Registrar;
import io.sipplatform.registrar.domain.RegistrarPolicy;
import io.sipplatform.registrar.metrics.RegistrarMetrics;
import io.sipplatform.registrar.store.InfinispanFailureCounters;
import io.sipplatform.registrar.store.InfinispanLocationStore;
import io.sipplatform.sip.digest.BoundedNonceCountTracker;
import io.sipplatform.sip.digest.DigestAlgorithm;
import io.sipplatform.sip.digest.DigestVerifier;
import io.sipplatform.sip.digest.NonceCodec;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/** Builds the domain objects from configuration and plugs in the adapters; no logic of its own. */
@Singleton
public class RegistrarBeans {
    private static final Logger LOG = Logger.getLogger(RegistrarBeans.class);

    /** The clock of every expiry and nonce; tests replace it with a fixed one. */
    @Produces
    @Singleton
    @DefaultBean
    InstantSource clock() {
        return InstantSource.system();
    }

    @Produces
    @Singleton
    LocationStore locationStore(LocationCache cache, InstantSource clock) {
        return new InfinispanLocationStore(() -> cache.node().locations(), clock);
    }

    @Produces
    @Singleton
    FailureCounters failureCounters(LocationCache cache, InstantSource clock) {
        return new InfinispanFailureCounters(() -> cache.node().security(), clock);
    }

    @Produces
    @Singleton
    CredentialsSource credentialsSource(RegistrarConfig config, Instance<RoutingCredentialsSource> routing,
            InstantSource clock) {
        if (config.credentials().source() == RegistrarConfig.Credentials.Source.ROUTING) {
            RegistrarConfig.Credentials c = config.credentials();
            return new io.sipplatform.registrar.domain.CachedCredentials(routing.get(), c.cacheTtl(),
                    c.negativeCacheTtl(), c.cacheSize(), clock);
        }
        return StaticCredentialsSource.fromConfig(config.credentials().accounts());
    }

    @Produces
    @Singleton
    Registrar registrar(RegistrarConfig config, LocationStore store, FailureCounters counters,
            CredentialsSource credentials, RegistrarMetrics metrics, InstantSource clock) {
        RegistrarConfig.Expiry expiry = config.expiry();
        RegistrarPolicy policy = new RegistrarPolicy(expiry.min(), expiry.defaultExpiry(), expiry.max(),
                config.maxContactsPerAor(), config.domains().orElse(Set.of()), config.auth().realm(), config.site());
        Optional<DigestAuthenticator> authenticator = Optional.empty();
        RegistrarConfig.Auth auth = config.auth();
        if (auth.enabled()) {
            NonceCodec nonces = new NonceCodec(nonceSecrets(auth), clock, auth.nonceLifetime(), new SecureRandom());
            // Nonce counts are remembered per node: a replay sent to another replica within the nonce lifetime is
            // not caught (documented in docs/services/registrar-service.md).
            DigestVerifier verifier = new DigestVerifier(nonces,
                    new BoundedNonceCountTracker(auth.nonceCountCapacity()));
            RegistrarConfig.BruteForce bf = auth.bruteForce();
            BruteForceGuard guard = new BruteForceGuard(counters, new BruteForcePolicy(bf.window(),
                    bf.maxSourceFailures(), bf.sourceBan(), bf.maxAccountFailures(), bf.accountBan()), metrics);
            authenticator = Optional.of(new DigestAuthenticator(nonces, verifier, credentials, guard,
                    algorithms(auth.algorithms()), auth.retryAfter(), metrics));
        } else {
            LOG.warn("registrar.auth.enabled=false: every REGISTER is accepted without authentication");
        }
        return new Registrar(store, policy, authenticator, clock);
    }

    private static List<byte[]> nonceSecrets(RegistrarConfig.Auth auth) {
        List<byte[]> secrets = new ArrayList<>();
        for (String secret : auth.nonceSecrets().orElse(List.of())) {
            secrets.add(Base64.getDecoder().decode(secret.trim()));
        }
        if (secrets.isEmpty()) {
            LOG.warn("registrar.auth.nonce-secrets not set: using a random secret; other replicas will not accept"
                    + " this node's nonces");
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            secrets.add(random);
        }
        return secrets;
    }

    private static List<DigestAlgorithm> algorithms(List<String> tokens) {
        List<DigestAlgorithm> algorithms = new ArrayList<>();
        for (String token : tokens) {
            algorithms.add(DigestAlgorithm.fromToken(token.trim()).orElseThrow(
                    () -> new IllegalArgumentException("registrar.auth.algorithms: unknown algorithm " + token)));
        }
        return algorithms;
    }
}
