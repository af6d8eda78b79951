package io.sipplatform.edge.transport;

import java.util.Objects;

/**
 * One listener: a transport bound to a host and port, and the address it advertises.
 *
 * @param transport      UDP, TCP, TLS, WS or WSS
 * @param listenHost     IP literal to bind (IPv4 or IPv6, e.g. 127.0.0.1, ::1, 0.0.0.0, ::)
 * @param listenPort     port to bind; 0 picks a free port (read it back from {@link BoundListener#bound()})
 * @param advertisedHost host put into Via/Record-Route/Contact; default (null) the listen host, which must then
 *                       not be a wildcard address
 * @param advertisedPort port advertised; default (0) the bound port
 * @param tls            certificate files; required for TLS and WSS, must be null otherwise
 */
public record ListenerSettings(Transport transport, String listenHost, int listenPort, String advertisedHost,
                               int advertisedPort, TlsSettings tls) {

    public ListenerSettings {
        Objects.requireNonNull(transport, "transport");
        if (listenHost == null || listenHost.isBlank()) {
            throw new IllegalArgumentException("listen host required");
        }
        if (listenHost.startsWith("[") && listenHost.endsWith("]")) {
            listenHost = listenHost.substring(1, listenHost.length() - 1);
        }
        checkPort(listenPort, "listen");
        checkPort(advertisedPort, "advertised");
        if (advertisedHost == null || advertisedHost.isBlank()) {
            if (isWildcard(listenHost)) {
                throw new IllegalArgumentException("advertised host required when listening on " + listenHost);
            }
            advertisedHost = listenHost;
        }
        if (transport.secure() && tls == null) {
            throw new IllegalArgumentException(transport + " listener needs certificate files");
        }
        if (!transport.secure() && tls != null) {
            throw new IllegalArgumentException(transport + " listener takes no certificate files");
        }
    }

    /** A listener advertising its own bound address. */
    public static ListenerSettings of(Transport transport, String listenHost, int listenPort) {
        return new ListenerSettings(transport, listenHost, listenPort, null, 0, null);
    }

    /** A listener advertising another address (NAT, Kubernetes Service; needed for wildcard listen hosts). */
    public static ListenerSettings of(Transport transport, String listenHost, int listenPort, String advertisedHost,
                                      int advertisedPort) {
        return new ListenerSettings(transport, listenHost, listenPort, advertisedHost, advertisedPort, null);
    }

    /** A TLS or WSS listener advertising its own bound address. */
    public static ListenerSettings secure(Transport transport, String listenHost, int listenPort, TlsSettings tls) {
        return new ListenerSettings(transport, listenHost, listenPort, null, 0, tls);
    }

    /** The same listener advertising {@code host:port} (port 0: the bound port). */
    public ListenerSettings advertising(String host, int port) {
        return new ListenerSettings(transport, listenHost, listenPort, host, port, tls);
    }

    static boolean isWildcard(String host) {
        return host.equals("0.0.0.0") || host.equals("::") || host.equals("0:0:0:0:0:0:0:0");
    }

    private static void checkPort(int port, String which) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException(which + " port out of range: " + port);
        }
    }
}
