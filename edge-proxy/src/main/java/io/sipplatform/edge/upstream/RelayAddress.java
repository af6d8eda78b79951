package io.sipplatform.edge.upstream;

/**
 * One entry of {@code edge.media.relays}: {@code id=host:port}, host a name, an IPv4 literal or a bracketed IPv6
 * literal.
 *
 * @param id   the relay's id in Record-Route tokens
 * @param host gRPC host (IPv6 without brackets)
 * @param port gRPC port
 */
public record RelayAddress(String id, String host, int port) {

    /** Parses one entry; throws IllegalArgumentException naming the entry when it is malformed. */
    public static RelayAddress parse(String entry) {
        String e = entry.strip();
        int eq = e.indexOf('=');
        int colon = e.lastIndexOf(':');
        if (eq <= 0 || colon <= eq + 1 || colon == e.length() - 1) {
            throw new IllegalArgumentException("edge.media.relays entry is not id=host:port: " + entry);
        }
        String host = e.substring(eq + 1, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.indexOf(':') >= 0) {
            throw new IllegalArgumentException("edge.media.relays: an IPv6 host needs brackets: " + entry);
        }
        int port;
        try {
            port = Integer.parseInt(e.substring(colon + 1));
        } catch (NumberFormatException x) {
            throw new IllegalArgumentException("edge.media.relays entry has no numeric port: " + entry, x);
        }
        if (port <= 0 || port > 65535 || host.isEmpty()) {
            throw new IllegalArgumentException("edge.media.relays entry out of range: " + entry);
        }
        return new RelayAddress(e.substring(0, eq), host, port);
    }
}
