package io.sipplatform.routing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Every setting of routing-service, under {@code routing.}; Kubernetes overrides them as environment variables
 * ({@code ROUTING_LIMITS_LEASE_LIFETIME=2h}). Each key: meaning, default, and what it does on the wire.
 */
@ConfigMapping(prefix = "routing")
public interface RoutingConfig {

    Digest digest();

    Outbound outbound();

    Failover failover();

    Limits limits();

    Health health();

    Store store();

    Cluster cluster();

    Registrar registrar();

    Admin admin();

    /** Digest authentication of registration trunks (INVITE challenged with 407). */
    interface Digest {
        /** Realm of 407 challenges; default "sipplatform"; trunk accounts must use it or they never authenticate. */
        @WithDefault("sipplatform")
        String realm();

        /**
         * Nonce signing secrets (first signs, all verify; rotate by prepending), each at least 16 bytes; default
         * none: a random per-process secret, so a replica rejects another's nonces with a fresh 407. Set in clusters.
         */
        Optional<List<String>> nonceSecrets();

        /** How long a nonce stays valid; default 5m; older nonces get 407 with stale=true (a silent retry). */
        @WithDefault("5m")
        Duration nonceLifetime();

        /** Algorithms offered in 407, preferred first; default SHA-256,MD5 (RFC 8760: SHA-256 before MD5). */
        @WithDefault("SHA-256,MD5")
        List<String> algorithms();

        /** Nonces whose nc this replica remembers against replay; default 100000; beyond that replay is possible. */
        @WithDefault("100000")
        int nonceCountCapacity();
    }

    /** Outbound (customer to carrier) routing. */
    interface Outbound {
        /** Host part of the P-Asserted-Identity the platform asserts; default the digest realm. */
        Optional<String> identityDomain();

        /** Premium-rate E.164 prefixes, e.g. +49900,+1900; default none; calls to them get 403 unless allowed. */
        Optional<List<String>> premiumPrefixes();

        /** Most target groups (gateways) per decision; default 8; bounds failover time (each may wait a timeout). */
        @WithDefault("8")
        int maxTargets();
    }

    /** When the edge moves on to the next target group (RFC 3261 §16.7). */
    interface Failover {
        /** Carrier responses that try the next gateway; default 408,500,502,503,504; others go to the caller. */
        @WithDefault("408,500,502,503,504")
        List<Integer> carrierCodes();

        /** Customer responses that try the next address or contact; default 408,480,500,503. */
        @WithDefault("408,480,500,503")
        List<Integer> customerCodes();

        /** Per-target time to a first response; default 4s; a silent gateway is skipped this fast (not Timer B). */
        @WithDefault("4s")
        Duration progressTimeout();

        /** Per-target time to a final response; default none (Timer C); when set, a ringing target is CANCELled. */
        Optional<Duration> answerTimeout();
    }

    /** Cluster-wide per-trunk limits. */
    interface Limits {
        /** Lease life without release (the longest call); default 4h; a lost BYE holds a slot at most this long. */
        @WithDefault("4h")
        Duration leaseLifetime();

        /** Retry-After with 503 for the concurrency limit; default 5s; 0s sends none. */
        @WithDefault("5s")
        Duration concurrencyRetryAfter();

        /** Retry-After with 503 for the CPS limit; default 1s; 0s sends none. */
        @WithDefault("1s")
        Duration cpsRetryAfter();

        /** Retry-After with 503 when all gateways are down or the registrar is unavailable; default 30s. */
        @WithDefault("30s")
        Duration unavailableRetryAfter();
    }

    /** Carrier gateway health. */
    interface Health {
        /** Consecutive failures that take a gateway down; default 3; down gateways get no calls. */
        @WithDefault("3")
        int downAfter();

        /** Consecutive successes that bring it back; default 2. */
        @WithDefault("2")
        int upAfter();

        /** Response codes counted as failures; default 408,500,502,503,504; other answers prove it alive. */
        @WithDefault("408,500,502,503,504")
        List<Integer> failureCodes();

        /** OPTIONS probe interval the edge is told; default 30s; with down-after 3 a dead gateway goes in ~90s. */
        @WithDefault("30s")
        Duration probeInterval();

        /** A probe without a response within this counts as a failure; default 5s. */
        @WithDefault("5s")
        Duration probeTimeout();

        /** How often an edge asks for its probe targets; default 60s; edges silent for 3x this lose theirs. */
        @WithDefault("60s")
        Duration probeRefresh();
    }

    /** Provisioning storage. */
    interface Store {
        /**
         * Directory of the embedded H2 database (absolute, or relative starting with "./"), used when
         * quarkus.datasource.postgresql.jdbc.url is not set; default "./data".
         */
        @WithDefault("./data")
        String dataDir();

        /** How often the store revision is polled; default 500ms; other replicas' changes apply within it. */
        @WithDefault("500ms")
        Duration pollInterval();
    }

    /** Infinispan cluster for limits, gateway health and the edge roster. */
    interface Cluster {
        /** true joins a JGroups cluster; default false: this replica's limits count only its own calls. */
        @WithDefault("false")
        boolean enabled();

        /** Cluster name; default "routing"; replicas with other names never join. */
        @WithDefault("routing")
        String name();

        /** Address JGroups binds to; default 127.0.0.1 (set the pod IP in Kubernetes). */
        @WithDefault("127.0.0.1")
        String bindAddress();

        /** JGroups TCP port; default 7800; failure detection (FD_SOCK2) listens on this + 100. */
        @WithDefault("7800")
        int bindPort();

        /** Static members as host[port], e.g. 10.0.0.1[7800]; used when dns-query is unset; default self. */
        Optional<List<String>> initialHosts();

        /** DNS name of a headless Service listing all replicas (DNS_PING); default none (TCPPING). */
        Optional<String> dnsQuery();

        /** Copies of each limit slot; default 2; losing fewer replicas than this loses no lease. */
        @WithDefault("2")
        int owners();
    }

    /** registrar-service client (contacts of registered DIDs). */
    interface Registrar {
        /** Deadline of a Lookup; default 500ms; a slower registrar gives the call 503 with Retry-After. */
        @WithDefault("500ms")
        Duration deadline();
    }

    /** REST admin API. */
    interface Admin {
        /** Bearer tokens accepted by /admin; default none: every admin request is refused with 401. */
        Optional<List<String>> tokens();

        /** Page size when a listing gives no limit; default 100 (max 1000). */
        @WithDefault("100")
        int defaultPageSize();
    }
}
