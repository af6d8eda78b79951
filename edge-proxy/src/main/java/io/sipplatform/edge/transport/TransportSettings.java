package io.sipplatform.edge.transport;

import io.sipplatform.sip.message.FrameLimits;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Settings of the SIP transport layer. {@link #of(List)} gives the documented defaults; the {@code withX} methods
 * change one setting.
 *
 * @param listeners                 the listeners; at least one
 * @param maxConnectionsPerIp       open inbound connections (TCP, TLS, WS, WSS together) allowed from one IP address;
 *                                  default 100. A connection over it is closed at once and counted as refused
 * @param maxConnections            open inbound connections in total; default 10 000. Over it: closed at once, counted
 * @param idleTimeout               an inbound connection without any traffic in either direction for this long is
 *                                  closed; default 15 min (RFC 5626 clients ping every 2 min or so)
 * @param outboundIdleTimeout       the same for connections the edge opened; default 15 min
 * @param connectTimeout            outbound TCP/TLS connect timeout; default 10 s. Past it the send fails (the
 *                                  transaction layer turns that into 503/408 and tries the next target)
 * @param certificateCheckInterval  how often TLS/WSS certificate and key files are read to detect a change;
 *                                  default 10 s
 * @param frameLimits               size limits per message; default {@link FrameLimits#DEFAULTS}. Past them: 513 and
 *                                  close on streams, a counted drop on UDP
 * @param serverInstances           server instances per TCP/TLS/WS/WSS listener, each on its own event loop and
 *                                  sharing the port; default 1. UDP listeners always use one socket
 * @param outboundTls               trust and client certificate for TLS connections the edge opens; default
 *                                  {@link OutboundTlsSettings#DEFAULTS}
 * @param udpReceiveBufferBytes     UDP socket receive buffer (SO_RCVBUF, capped by the kernel's rmem_max) and
 *                                  Vert.x read buffer; default 1 MiB. Too small and bursts of datagrams are lost in
 *                                  the kernel; never below {@code frameLimits.maxMessageBytes() + 1}, so a longer
 *                                  datagram shows as too large instead of arriving cut short
 */
public record TransportSettings(List<ListenerSettings> listeners, int maxConnectionsPerIp, int maxConnections,
                                Duration idleTimeout, Duration outboundIdleTimeout, Duration connectTimeout,
                                Duration certificateCheckInterval, FrameLimits frameLimits, int serverInstances,
                                OutboundTlsSettings outboundTls, int udpReceiveBufferBytes) {

    public static final int DEFAULT_MAX_CONNECTIONS_PER_IP = 100;
    public static final int DEFAULT_MAX_CONNECTIONS = 10_000;
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(15);
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_CERTIFICATE_CHECK_INTERVAL = Duration.ofSeconds(10);
    public static final int DEFAULT_UDP_RECEIVE_BUFFER_BYTES = 1 << 20;

    public TransportSettings {
        listeners = List.copyOf(listeners);
        if (listeners.isEmpty()) {
            throw new IllegalArgumentException("at least one listener");
        }
        if (maxConnectionsPerIp < 1 || maxConnections < 1) {
            throw new IllegalArgumentException("connection caps must be positive");
        }
        idleTimeout = positiveMillis(idleTimeout, "idleTimeout");
        outboundIdleTimeout = positiveMillis(outboundIdleTimeout, "outboundIdleTimeout");
        connectTimeout = positiveMillis(connectTimeout, "connectTimeout");
        certificateCheckInterval = positiveMillis(certificateCheckInterval, "certificateCheckInterval");
        Objects.requireNonNull(frameLimits, "frameLimits");
        if (serverInstances < 1) {
            throw new IllegalArgumentException("serverInstances must be at least 1");
        }
        Objects.requireNonNull(outboundTls, "outboundTls");
        udpReceiveBufferBytes = Math.max(udpReceiveBufferBytes, frameLimits.maxMessageBytes() + 1);
    }

    /** The listeners with every other setting at its default. */
    public static TransportSettings of(List<ListenerSettings> listeners) {
        return new TransportSettings(listeners, DEFAULT_MAX_CONNECTIONS_PER_IP, DEFAULT_MAX_CONNECTIONS,
                DEFAULT_IDLE_TIMEOUT, DEFAULT_IDLE_TIMEOUT, DEFAULT_CONNECT_TIMEOUT,
                DEFAULT_CERTIFICATE_CHECK_INTERVAL, FrameLimits.DEFAULTS, 1, OutboundTlsSettings.DEFAULTS,
                DEFAULT_UDP_RECEIVE_BUFFER_BYTES);
    }

    /** The listeners with every other setting at its default. */
    public static TransportSettings of(ListenerSettings... listeners) {
        return of(List.of(listeners));
    }

    public TransportSettings withConnectionCaps(int perIp, int total) {
        return new TransportSettings(listeners, perIp, total, idleTimeout, outboundIdleTimeout, connectTimeout,
                certificateCheckInterval, frameLimits, serverInstances, outboundTls,
                udpReceiveBufferBytes);
    }

    public TransportSettings withIdleTimeouts(Duration inbound, Duration outbound) {
        return new TransportSettings(listeners, maxConnectionsPerIp, maxConnections, inbound, outbound,
                connectTimeout, certificateCheckInterval, frameLimits, serverInstances, outboundTls,
                udpReceiveBufferBytes);
    }

    public TransportSettings withConnectTimeout(Duration timeout) {
        return new TransportSettings(listeners, maxConnectionsPerIp, maxConnections, idleTimeout,
                outboundIdleTimeout, timeout, certificateCheckInterval, frameLimits, serverInstances, outboundTls,
                udpReceiveBufferBytes);
    }

    public TransportSettings withCertificateCheckInterval(Duration interval) {
        return new TransportSettings(listeners, maxConnectionsPerIp, maxConnections, idleTimeout,
                outboundIdleTimeout, connectTimeout, interval, frameLimits, serverInstances, outboundTls,
                udpReceiveBufferBytes);
    }

    public TransportSettings withFrameLimits(FrameLimits limits) {
        return new TransportSettings(listeners, maxConnectionsPerIp, maxConnections, idleTimeout,
                outboundIdleTimeout, connectTimeout, certificateCheckInterval, limits, serverInstances, outboundTls,
                udpReceiveBufferBytes);
    }

    public TransportSettings withServerInstances(int instances) {
        return new TransportSettings(listeners, maxConnectionsPerIp, maxConnections, idleTimeout,
                outboundIdleTimeout, connectTimeout, certificateCheckInterval, frameLimits, instances, outboundTls,
                udpReceiveBufferBytes);
    }

    public TransportSettings withOutboundTls(OutboundTlsSettings tls) {
        return new TransportSettings(listeners, maxConnectionsPerIp, maxConnections, idleTimeout,
                outboundIdleTimeout, connectTimeout, certificateCheckInterval, frameLimits, serverInstances, tls,
                udpReceiveBufferBytes);
    }

    public TransportSettings withUdpReceiveBufferBytes(int bytes) {
        return new TransportSettings(listeners, maxConnectionsPerIp, maxConnections, idleTimeout,
                outboundIdleTimeout, connectTimeout, certificateCheckInterval, frameLimits, serverInstances,
                outboundTls, bytes);
    }

    private static Duration positiveMillis(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.toMillis() < 1 || d.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(name + " must be between 1 ms and ~24 days: " + d);
        }
        return d;
    }
}
