package io.sipplatform.edge.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The edge's configuration (prefix {@code edge}); each key: meaning, default, SIP consequence. */
@ConfigMapping(prefix = "edge")
public interface EdgeConfig {

    /** Replica id carried in Via branches and flow tokens; default: a random id per process. Must be unique. */
    Optional<String> replicaId();

    /**
     * HMAC secrets for Record-Route state, current first (rotation: add the new one first, drop the old later).
     * Every replica needs the same list, or in-dialog requests routed by another replica are refused (403).
     * Default: a development secret; set a real one in production.
     */
    @WithDefault("dev-only-route-secret-change-me")
    List<String> routeSecrets();

    /** SIP domain(s) the edge is authoritative for (REGISTER targets, Request-URIs for local users). */
    @WithDefault("sip.local")
    List<String> domains();

    /** Listeners. */
    Sip sip();

    /** Transaction timers (RFC 3261 §17). */
    Timers timers();

    /** Upstream gRPC services. */
    Upstream upstream();

    /** SIP listeners: one entry per transport; absent ones are off. */
    interface Sip {
        /** UDP listener. */
        Listener udp();

        /** TCP listener. */
        Listener tcp();

        /** TLS listener (needs cert/key). */
        Optional<TlsListener> tls();
    }

    /** One listener. */
    interface Listener {
        /** Enabled. Default true. Off: the edge does not accept that transport. */
        @WithDefault("true")
        boolean enabled();

        /** Bind address. Default 0.0.0.0 (all IPv4); use :: for dual stack. */
        @WithDefault("0.0.0.0")
        String host();

        /** Bind port. Default 5060; 0 picks a free port (tests). */
        @WithDefault("5060")
        int port();

        /** Address written in Via/Record-Route; default: the bind address (wrong behind NAT or a LoadBalancer). */
        Optional<String> advertisedHost();

        /** Port written in Via/Record-Route; default: the bound port. */
        Optional<Integer> advertisedPort();
    }

    /** TLS listener. */
    interface TlsListener extends Listener {
        /** PEM certificate chain path; reloaded when the file changes. */
        String certPath();

        /** PEM private key path; reloaded when the file changes. */
        String keyPath();
    }

    /** RFC 3261 timer base values. */
    interface Timers {
        /** T1, RTT estimate. Default 500ms: retransmissions start at T1 (Timers A, E, G). */
        @WithDefault("500ms")
        Duration t1();

        /** T2, cap of non-INVITE retransmission interval. Default 4s. */
        @WithDefault("4s")
        Duration t2();

        /** T4, max time a message stays in the network. Default 5s (Timers I, K). */
        @WithDefault("5s")
        Duration t4();
    }

    /** Upstream services. */
    interface Upstream {
        /** Deadline of one gRPC call. Default 2s; past it the request gets 504. */
        @WithDefault("2s")
        Duration deadline();

        /** Retry-After sent with 503 when an upstream is unavailable or overloaded. Default 5s. */
        @WithName("retry-after")
        @WithDefault("5s")
        Duration retryAfter();
    }
}
