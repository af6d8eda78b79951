package io.sipplatform.edge.transport;

import java.util.Objects;

/**
 * Where peers reach a listener: the advertised host and port that go into Via sent-by, Record-Route, Path and
 * Contact (RFC 3261 §18.2.1, §16.6 step 4). Differs from the bound address behind NAT or a Kubernetes Service.
 *
 * @param transport the listener's transport
 * @param host      host name or IP literal (IPv6 without brackets)
 * @param port      1-65535
 */
public record ListenPoint(Transport transport, String host, int port) {

    public ListenPoint {
        Objects.requireNonNull(transport, "transport");
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host required");
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    /** {@code host:port}, an IPv6 literal in brackets: the Via sent-by and URI hostport (RFC 3261 §25.1). */
    public String hostPort() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
