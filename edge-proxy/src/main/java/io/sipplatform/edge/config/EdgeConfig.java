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

    /** Protection against floods and overload. */
    Protection protection();

    /** Call events for CDRs. */
    Cdr cdr();

    /** Edge-to-edge hand-off (responses and connection-bound requests reaching the wrong replica). */
    Cluster cluster();

    /** Hand-off between the edge replicas of a site; off unless an internal address is set. */
    interface Cluster {
        /**
         * Internal address other replicas reach this one at (the pod IP in Kubernetes); default none: hand-off
         * off, and a response reaching the wrong replica is relayed statelessly (its client transaction times
         * out). Setting it makes the replica id encode this address, so edge.replica-id must stay unset.
         */
        Optional<String> handoffHost();

        /** Internal UDP port of the hand-off channel; default 5079. Authenticated with the first route secret. */
        @WithDefault("5079")
        int handoffPort();
    }

    /** DNS for next hops (RFC 3263 NAPTR, SRV, A/AAAA). */
    Dns dns();

    /** The DNS stub resolver behind RFC 3263 next-hop resolution. */
    interface Dns {
        /**
         * Name servers as host or host:port; default: the nameserver lines of /etc/resolv.conf (else 127.0.0.1).
         * A server that does not answer costs each new name a timeout before the next is asked.
         */
        Optional<List<String>> servers();

        /** Wait for one DNS answer; default 2s. Longer delays the first INVITE to a new host name. */
        @WithDefault("2s")
        Duration timeout();

        /** Attempts per lookup, cycling through the servers; default 2. All failing: the branch fails with 503. */
        @WithDefault("2")
        int attempts();

        /** How long "no such name/records" is remembered when the answer has no SOA; default 30s. */
        @WithDefault("30s")
        Duration negativeTtl();

        /** Upper bound on any cached TTL; default 1h (a changed carrier address is seen within this time). */
        @WithDefault("1h")
        Duration maxTtl();
    }

    /** Carrier gateway health: OPTIONS probes on routing's behalf and reports of call attempts. */
    Gateways gateways();

    /** Media relays calls are anchored at. */
    Media media();

    /**
     * The media-relay-service instances. A call's relay session lives in one instance's memory, so the edge picks
     * an instance per call and writes its id into the Record-Route token: every replica sends the call's later
     * operations (answers, re-offers, delete) to that instance.
     */
    interface Media {
        /**
         * Relay instances as {@code id=host:port} (id: letters, digits, '.', '_', '-'; host a name, IPv4 or
         * [IPv6]); new calls go round robin over the instances not marked down. Default none: the single relay of
         * {@code quarkus.grpc.clients.media} (host, port, TLS as configured there), id {@code 1}. Removing an id
         * that calls still name fails their re-INVITEs with 488 and loses their delete.
         */
        Optional<List<String>> relays();

        /**
         * How long an instance that refused a new session with UNAVAILABLE (down, draining) or RESOURCE_EXHAUSTED
         * (no ports) is passed over for new calls; default 10s. It keeps serving the calls it holds.
         */
        @WithDefault("10s")
        Duration downFor();

        /**
         * End answered calls whose media the relay timed out (no RTP for its media timeout) or expired: each party
         * gets a BYE with {@code Reason: SIP;cause=408;text="Media Timeout"}, the CDR ends with cause
         * MEDIA_TIMEOUT, the relay session is deleted and the lease released; default true. For this the edge seals
         * a teardown context into every offer and answer and subscribes to each relay's events (group
         * {@code edge}). Off: neither, and such calls stay open (and billed) until cdr-service's orphan sweep.
         */
        @WithDefault("true")
        boolean endCallsOnTimeout();

        /**
         * HTTP/2 keepalive ping interval on the channels of {@code edge.media.relays} (the events stream has no
         * deadline; a relay gone without closing the connection is noticed after this plus 20 s); default 5m, the
         * most frequent a gRPC server allows without {@code permit-keep-alive-time}. The single {@code media}
         * client takes {@code quarkus.grpc.clients.media.keep-alive-time}.
         */
        @WithDefault("5m")
        Duration eventsKeepalive();

        /** First wait before a failed or ended event stream is opened again; doubles per failure; default 1s. */
        @WithDefault("1s")
        Duration eventsReconnectMin();

        /** Longest wait between attempts to open an event stream; default 30s. Events meanwhile are lost. */
        @WithDefault("30s")
        Duration eventsReconnectMax();
    }

    /**
     * Gateway health (routing-service decides; the edge observes). Routing assigns each replica a share of the
     * gateways to probe and may set interval and timeout per gateway; these are the defaults when it does not.
     */
    interface Gateways {
        /** Probe the gateways routing assigns; default true. Off: no OPTIONS, gateways only judged by calls. */
        @WithDefault("true")
        boolean probesEnabled();

        /** Time between OPTIONS to one gateway when routing gives none; default 30s. */
        @WithDefault("30s")
        Duration probeInterval();

        /** A probe without a final response within this time is reported as a timeout; default 5s. */
        @WithDefault("5s")
        Duration probeTimeout();

        /** How often to ask routing for the assignment when it gives no refresh time, or is down; default 60s. */
        @WithDefault("60s")
        Duration probeRefresh();

        /** Report every call attempt to a gateway (passive health); default true. */
        @WithDefault("true")
        boolean reportCalls();

        /** Observations per ReportGatewayResult request; default 50. */
        @WithDefault("50")
        int reportBatch();

        /** Observations kept while routing is slow or away; default 1000 (oldest dropped first, counted). */
        @WithDefault("1000")
        int reportQueue();

        /** Longest time an observation waits for a batch to fill; default 1s. */
        @WithDefault("1s")
        Duration reportFlush();
    }

    /** Site name carried in CDR events (one per region); default {@code local}. */
    @WithDefault("local")
    String site();

    /** CDR event delivery: a bounded on-disk spool in front of cdr-service, so no event is lost while it is down. */
    interface Cdr {
        /** Send call events at all; default true. Off: no CDRs (lab use only). */
        @WithDefault("true")
        boolean enabled();

        /** Spool directory (a volume in Kubernetes); default ./cdr-spool. A restart sends what is left there. */
        @WithDefault("cdr-spool")
        String spoolDir();

        /** Spool bound in bytes; default 256 MiB. Past it new events are dropped and counted (alert on it). */
        @WithDefault("268435456")
        long maxBytes();
    }

    /** Graceful shutdown. */
    Drain drain();

    /** Per-source limits (like Kamailio's pike) and overload shedding. */
    interface Protection {
        /** Sustained requests per second per source IP; default 50. Over it the source is banned. */
        @WithDefault("50")
        int requestsPerSecond();

        /** Requests a source may send at once; default 200. */
        @WithDefault("200")
        int burst();

        /** How long a flooding source's requests are dropped (counted, no answer); default 60s. */
        @WithDefault("60s")
        Duration ban();

        /**
         * Failed authentications (credentials answered with a new, not stale, 401/407 challenge) after which a source
         * is banned for {@link #ban()}; default 10; 0 turns the ban off. Trusted networks are never banned.
         */
        @WithDefault("10")
        int maxAuthFailures();

        /** Window in which {@link #maxAuthFailures()} are counted; default 60s. */
        @WithDefault("60s")
        Duration authFailureWindow();

        /** Networks never limited (carriers, own peers), CIDR notation; default none. */
        Optional<List<String>> trusted();

        /** Open transactions per shard above which new out-of-dialog requests get 503; default 20000. */
        @WithDefault("20000")
        int maxOpenTransactionsPerShard();

        /**
         * New calls (out-of-dialog INVITEs) the edge takes per second, with a burst of one second's worth; the
         * surplus is answered 503 with Retry-After at once. Default 0: no limit (size it to what the edge and its
         * services sustain, so that overload sheds calls instead of slowing every call down).
         */
        @WithDefault("0")
        int maxCallsPerSecond();
    }

    /** SIGTERM handling: readiness DOWN, a delay, then 503 to new requests while open transactions finish. */
    interface Drain {
        /** Time between readiness DOWN and refusing new requests (load balancers notice); default 5s. */
        @WithDefault("5s")
        Duration delay();

        /** Longest wait for open transactions before the listeners close; default 30s. */
        @WithDefault("30s")
        Duration timeout();
    }

    /** SIP listeners, one per transport. */
    interface Sip {
        /** UDP listener (on by default). */
        @WithDefault("true")
        @WithName("udp.enabled")
        boolean udpEnabled();

        /** UDP listener settings. */
        Listener udp();

        /** TCP listener (on by default). */
        @WithDefault("true")
        @WithName("tcp.enabled")
        boolean tcpEnabled();

        /** TCP listener settings. */
        Listener tcp();

        /** TLS listener (off by default; needs cert-path and key-path). */
        @WithDefault("false")
        @WithName("tls.enabled")
        boolean tlsEnabled();

        /** TLS listener settings (default port 5061). */
        TlsListener tls();

        /** WebSocket listener, RFC 7118 (off by default). */
        @WithDefault("false")
        @WithName("ws.enabled")
        boolean wsEnabled();

        /** WebSocket listener settings (default port 5066). */
        WsListener ws();

        /** Secure WebSocket listener (off by default; needs cert-path and key-path). */
        @WithDefault("false")
        @WithName("wss.enabled")
        boolean wssEnabled();

        /** Secure WebSocket listener settings (default port 5067). */
        WssListener wss();

        /** Event-loop shards the SIP work is spread over by Call-ID. Default: number of processors. */
        Optional<Integer> shards();

        /** Per-IP cap of inbound connections; default 100. Over it a new connection is closed at once. */
        @WithDefault("100")
        int maxConnectionsPerIp();

        /** Idle timeout of connections without traffic; default 15 minutes (RFC 5626 keep-alives keep them). */
        @WithDefault("15m")
        Duration idleTimeout();
    }

    /** One listener. */
    interface Listener {
        /** Bind address. Default 127.0.0.1 (local only); a wildcard (0.0.0.0, ::) needs an advertised host. */
        @WithDefault("127.0.0.1")
        String host();

        /** Bind port. Default 5060; 0 picks a free port (tests). */
        @WithDefault("5060")
        int port();

        /** Address written in Via/Record-Route; default: the bind address (wrong behind NAT or a LoadBalancer). */
        Optional<String> advertisedHost();

        /** Port written in Via/Record-Route; default: the bound port. */
        Optional<Integer> advertisedPort();
    }

    /** Certificate files of a TLS-based listener. */
    interface Certificates {
        /** PEM certificate chain path; reloaded when the file changes, existing connections kept. */
        Optional<String> certPath();

        /** PEM private key path; reloaded with the certificate. */
        Optional<String> keyPath();

        /** PEM CA bundle for client certificates (mutual TLS); absent: clients are not asked for one. */
        Optional<String> clientCaPath();
    }

    /** TLS listener. */
    interface TlsListener extends Certificates {
        /** Bind address. Default 127.0.0.1. */
        @WithDefault("127.0.0.1")
        String host();

        /** Bind port. Default 5061. */
        @WithDefault("5061")
        int port();

        /** Advertised host; default: the bind address. */
        Optional<String> advertisedHost();

        /** Advertised port; default: the bound port. */
        Optional<Integer> advertisedPort();
    }

    /** WebSocket listener. */
    interface WsListener {
        /** Bind address. Default 127.0.0.1. */
        @WithDefault("127.0.0.1")
        String host();

        /** Bind port. Default 5066. */
        @WithDefault("5066")
        int port();

        /** Advertised host; default: the bind address. */
        Optional<String> advertisedHost();

        /** Advertised port; default: the bound port. */
        Optional<Integer> advertisedPort();
    }

    /** Secure WebSocket listener. */
    interface WssListener extends Certificates {
        /** Bind address. Default 127.0.0.1. */
        @WithDefault("127.0.0.1")
        String host();

        /** Bind port. Default 5067. */
        @WithDefault("5067")
        int port();

        /** Advertised host; default: the bind address. */
        Optional<String> advertisedHost();

        /** Advertised port; default: the bound port. */
        Optional<Integer> advertisedPort();
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
