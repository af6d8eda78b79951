package io.sipplatform.routing;

import io.sipplatform.routing.cluster.ClusterNode;
import io.sipplatform.routing.cluster.ClusterSettings;
import io.sipplatform.routing.domain.CallLimits;
import io.sipplatform.routing.domain.DecisionEngine;
import io.sipplatform.routing.domain.EdgeRoster;
import io.sipplatform.routing.domain.FailoverPolicy;
import io.sipplatform.routing.domain.GatewayMonitor;
import io.sipplatform.routing.domain.HealthPolicy;
import io.sipplatform.routing.domain.PerThreadRandom;
import io.sipplatform.routing.domain.RegistrarLookup;
import io.sipplatform.routing.domain.RoutingPolicy;
import io.sipplatform.routing.domain.SlotLimits;
import io.sipplatform.routing.store.SnapshotRefresher;
import io.sipplatform.sip.digest.BoundedNonceCountTracker;
import io.sipplatform.sip.digest.DigestAlgorithm;
import io.sipplatform.sip.digest.DigestVerifier;
import io.sipplatform.sip.digest.NonceCodec;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.jboss.logging.Logger;

/** Builds the domain objects from configuration and adapters; no logic of its own. */
@ApplicationScoped
public class RoutingWiring {
    private static final Logger LOG = Logger.getLogger(RoutingWiring.class);

    // @Startup: joining the cluster takes seconds and must not happen on the first gRPC call's event loop.
    @Produces
    @Singleton
    @Startup
    ClusterNode clusterNode(RoutingConfig config) {
        RoutingConfig.Cluster c = config.cluster();
        return new ClusterNode(new ClusterSettings(c.enabled(), c.name(), c.bindAddress(), c.bindPort(),
                c.initialHosts().orElse(List.of()), c.dnsQuery().orElse(null), c.owners()));
    }

    void closeClusterNode(@Disposes ClusterNode node) {
        node.close();
    }

    @Produces
    @Singleton
    RoutingPolicy routingPolicy(RoutingConfig config) {
        List<DigestAlgorithm> algorithms = new ArrayList<>();
        for (String token : config.digest().algorithms()) {
            algorithms.add(DigestAlgorithm.fromToken(token.trim()).orElseThrow(
                    () -> new IllegalArgumentException("routing.digest.algorithms: unknown algorithm " + token)));
        }
        RoutingConfig.Failover f = config.failover();
        String realm = config.digest().realm();
        return new RoutingPolicy(realm, algorithms, config.outbound().identityDomain().orElse(realm),
                config.outbound().premiumPrefixes().orElse(List.of()),
                new FailoverPolicy(f.carrierCodes(), List.of(), true, true),
                new FailoverPolicy(f.customerCodes(), List.of(), true, true), f.progressTimeout(),
                f.answerTimeout().orElse(null), config.outbound().maxTargets(),
                orNull(config.limits().concurrencyRetryAfter()), orNull(config.limits().cpsRetryAfter()),
                orNull(config.limits().unavailableRetryAfter()));
    }

    private static Duration orNull(Duration d) {
        return d.isZero() || d.isNegative() ? null : d;
    }

    @Produces
    @Singleton
    NonceCodec nonceCodec(RoutingConfig config) {
        List<byte[]> secrets = new ArrayList<>();
        for (String secret : config.digest().nonceSecrets().orElse(List.of())) {
            secrets.add(secret.getBytes(StandardCharsets.UTF_8));
        }
        if (secrets.isEmpty()) {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            secrets.add(random);
            LOG.warn("routing.digest.nonce-secrets is not set: using a random secret; other replicas will not accept"
                    + " this replica's nonces");
        }
        return new NonceCodec(secrets, InstantSource.system(), config.digest().nonceLifetime(), new SecureRandom());
    }

    @Produces
    @Singleton
    DigestVerifier digestVerifier(NonceCodec nonces, RoutingConfig config) {
        return new DigestVerifier(nonces, new BoundedNonceCountTracker(config.digest().nonceCountCapacity()));
    }

    @Produces
    @Singleton
    CallLimits callLimits(ClusterNode node, RoutingConfig config) {
        return new SlotLimits(node.slotStore(), config.limits().leaseLifetime(), PerThreadRandom.INSTANCE);
    }

    @Produces
    @Singleton
    GatewayMonitor gatewayMonitor(ClusterNode node, RoutingConfig config) {
        RoutingConfig.Health h = config.health();
        return new GatewayMonitor(node.gatewayStates(),
                new HealthPolicy(h.downAfter(), h.upAfter(), new HashSet<>(h.failureCodes())));
    }

    @Produces
    @Singleton
    EdgeRoster edgeRoster(ClusterNode node, RoutingConfig config) {
        return node.edgeRoster(config.health().probeRefresh().multipliedBy(3));
    }

    @Produces
    @Singleton
    @Startup
    DecisionEngine decisionEngine(SnapshotRefresher snapshots, RoutingPolicy policy, NonceCodec nonces,
            DigestVerifier verifier, RegistrarLookup registrar, CallLimits limits, GatewayMonitor health) {
        return new DecisionEngine(snapshots, policy, nonces, verifier, registrar, limits, health,
                PerThreadRandom.INSTANCE, InstantSource.system());
    }
}
