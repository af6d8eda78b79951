package io.sipplatform.registrar;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Every setting of registrar-service: meaning, default, and what it does on the wire. */
@ConfigMapping(prefix = "registrar")
public interface RegistrarConfig {

    /** Name of this site, stored in each binding written here; default "local"; tells sites apart in listings. */
    @WithDefault("local")
    String site();

    /** Domains served (Request-URI host); default empty = any; a REGISTER for another domain gets 403. */
    Optional<Set<String>> domains();

    /** Most live bindings per AOR; default 10; a REGISTER that would add more gets 403 Too Many Registered Contacts. */
    @WithDefault("10")
    int maxContactsPerAor();

    /** Page size of ListBindings when the caller asks for 0; default 100 (callers may ask up to 1000). */
    @WithDefault("100")
    int defaultPageSize();

    /** Expiry rules (RFC 3261 §10.3). */
    Expiry expiry();

    /** Digest authentication (RFC 3261 §22). */
    Auth auth();

    /** Where digest accounts come from. */
    Credentials credentials();

    /** The location cache cluster. */
    Cluster cluster();

    /** Expiry rules (RFC 3261 §10.3 steps 6-7). */
    interface Expiry {
        /** Shortest non-zero expiry accepted; default 60s; shorter gets 423 Interval Too Brief with Min-Expires. */
        @WithDefault("60s")
        Duration min();

        /** Expiry when neither Contact nor Expires gives one; default 3600s; sent back in the 200's Contacts. */
        @WithName("default")
        @WithDefault("3600s")
        Duration defaultExpiry();

        /** Longest expiry granted; default 7200s; longer requests are shortened and the 200 shows the shorter one. */
        @WithDefault("7200s")
        Duration max();
    }

    /** Digest authentication (RFC 3261 §22, RFC 7616, RFC 8760). */
    interface Auth {
        /** Whether REGISTER must authenticate; default true; false accepts every REGISTER (trusted networks only). */
        @WithDefault("true")
        boolean enabled();

        /** Realm of challenges; default the Request-URI host; shown to users and part of every HA1. */
        Optional<String> realm();

        /**
         * Nonce secrets, base64, at least 16 bytes each; the first signs, all verify (rotation); default none, which
         * makes a random per-process secret: fine for one node, but then other replicas answer 401 to its nonces.
         */
        Optional<List<String>> nonceSecrets();

        /** How long a nonce is accepted; default 300s; older nonces with right credentials get 401 stale=true. */
        @WithDefault("300s")
        Duration nonceLifetime();

        /** Algorithms offered, preferred first; default SHA-256,MD5; one WWW-Authenticate per algorithm. */
        @WithDefault("SHA-256,MD5")
        List<String> algorithms();

        /** Nonces whose nonce-counts are remembered per node; default 100000; older ones reopen replay until stale. */
        @WithDefault("100000")
        int nonceCountCapacity();

        /** Retry-After of the 503 sent when the credential source does not answer; default 30s. */
        @WithDefault("30s")
        Duration retryAfter();

        /** Brute-force protection, counted cluster-wide. */
        BruteForce bruteForce();
    }

    /** Brute-force protection: failures counted per source IP and per account, cluster-wide. */
    interface BruteForce {
        /** Window in which failures add up, from the first; default 5m. */
        @WithDefault("5m")
        Duration window();

        /** Failures from one IP within the window that ban it; default 10; 0 disables; a ban answers 403. */
        @WithDefault("10")
        int maxSourceFailures();

        /** How long a source IP stays banned; default 15m; every REGISTER from it gets 403 meanwhile. */
        @WithDefault("15m")
        Duration sourceBan();

        /** Failures for one account within the window that ban it; default 20; 0 disables; a ban answers 403. */
        @WithDefault("20")
        int maxAccountFailures();

        /** How long an account stays banned; default 5m; short, because anyone can trigger it (lock-out). */
        @WithDefault("5m")
        Duration accountBan();
    }

    /** Source of digest accounts (HA1 only, never passwords). */
    interface Credentials {
        /** STATIC (accounts below, the local run) or ROUTING (routing-service GetCredentials); default STATIC. */
        @WithDefault("static")
        Source source();

        /** Deadline of one GetCredentials call; default 2s; past it the REGISTER gets 503 with Retry-After. */
        @WithDefault("2s")
        Duration deadline();

        /**
         * How long an account routing-service returned is reused on this node; default 30s; 0 asks routing on every
         * authenticated REGISTER. A changed password or a disabled account takes up to this long to be refused.
         */
        @WithDefault("30s")
        Duration cacheTtl();

        /** How long "no such account" is reused; default 5s (a new account works soon; made-up names stay cheap). */
        @WithDefault("5s")
        Duration negativeCacheTtl();

        /** Most accounts kept; default 100000; past it the cache is emptied and refills. */
        @WithDefault("100000")
        int cacheSize();

        /** Static accounts by any id, e.g. registrar.credentials.accounts.alice.username=alice; default none. */
        Map<String, StaticAccount> accounts();

        /** Where accounts come from. */
        enum Source {
            /** The accounts in this configuration. */
            STATIC,
            /** routing-service's provisioning, over gRPC (quarkus.grpc.clients.routing.*). */
            ROUTING
        }
    }

    /** One statically configured digest account; a password never appears, only HA1 = H(username:realm:password). */
    interface StaticAccount {
        /** Digest username. */
        String username();

        /** Realm the HA1 values were computed for; must be the challenge realm. */
        String realm();

        /** HA1 for MD5 and MD5-sess, 32 hex digits; absent disables MD5 for this account. */
        Optional<String> ha1Md5();

        /** HA1 for SHA-256 and SHA-256-sess, 64 hex digits; absent disables SHA-256 for this account. */
        Optional<String> ha1Sha256();

        /** HA1 for SHA-512-256 and its -sess, 64 hex digits; absent disables it for this account. */
        Optional<String> ha1Sha512256();

        /** AORs the account may register; default only sip:username@realm; others get 403. */
        Optional<List<String>> aors();
    }

    /** The embedded Infinispan cluster holding the bindings. */
    interface Cluster {
        /** LOCAL (one node, no network), STATIC (TCPPING list) or DNS (DNS_PING); default LOCAL. */
        @WithDefault("local")
        io.sipplatform.registrar.store.ClusterSettings.Discovery discovery();

        /** JGroups cluster name; default "registrar"; only nodes with the same name form a cluster. */
        @WithDefault("registrar")
        String name();

        /** This node's name; default the host name (the pod name in Kubernetes). */
        Optional<String> nodeName();

        /** Address JGroups listens on; default 127.0.0.1; set the pod IP in Kubernetes (advertised to members). */
        @WithDefault("127.0.0.1")
        String bindAddress();

        /** JGroups TCP port; default 7800; FD_SOCK2 failure detection listens on this plus fd-port-offset. */
        @WithDefault("7800")
        int bindPort();

        /** Offset of the failure-detection port from bind-port; default 100. */
        @WithDefault("100")
        int fdPortOffset();

        /** STATIC only: members as host[port], comma separated; default none. */
        Optional<List<String>> initialHosts();

        /** DNS only: headless Service name whose A records list the pods; default none. */
        Optional<String> dnsQuery();

        /** Copies of each AOR's bindings; default 2: losing any one node loses no binding. */
        @WithDefault("2")
        int owners();

        /** How long discovery waits for existing members; default 2s; too short on a slow network splits the cluster. */
        @WithDefault("2s")
        Duration joinTimeout();

        /** How long a call waits for the node to join before failing; default 60s; readiness stays DOWN meanwhile. */
        @WithDefault("60s")
        Duration startTimeout();

        /** Asynchronous backup of the bindings to other sites (Infinispan cross-site over JGroups RELAY2). */
        CrossSiteBackup xsite();
    }

    /** Cross-site backup; off unless sites are listed. */
    interface CrossSiteBackup {
        /** Every site's name, this one included; default none = no cross-site backup; a lookup here then misses
         * bindings made at another site. */
        Optional<List<String>> sites();

        /** This site's name among {@code sites}; required with sites. */
        Optional<String> localSite();

        /** Address of this site's bridge endpoint; default the cluster bind-address. */
        Optional<String> bridgeBindAddress();

        /** Bridge TCP port of this node when it is site master; default 7850. */
        @WithDefault("7850")
        int bridgePort();

        /** Bridge endpoints of all sites as host[port]; required with sites. */
        Optional<List<String>> bridgeHosts();
    }
}
