package io.sipplatform.media.relay;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;

/** An IP address literal and UDP port. */
public record Endpoint(String host, int port) {
    public Endpoint {
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0-65535: " + port);
        }
    }

    /**
     * An endpoint with IPv6 literals in one canonical form, so that SDP text ("::1") and socket addresses
     * ("0:0:0:0:0:0:0:1") compare equal. Only literals containing ':' are parsed, so no name is ever resolved here.
     */
    public static Endpoint of(String host, int port) {
        String h = host;
        if (h.indexOf(':') >= 0) {
            try {
                h = InetAddress.getByName(h.startsWith("[") ? h : "[" + h + "]").getHostAddress();
                int zone = h.indexOf('%');
                h = zone >= 0 ? h.substring(0, zone) : h;
            } catch (UnknownHostException | IllegalArgumentException | SecurityException e) {
                h = host; // not a literal after all: compare as written
            }
        }
        return new Endpoint(h, port);
    }

    /** True for an address nobody can send to: port 0 or unspecified (e.g. c=0.0.0.0 hold, RFC 3264 §8.4). */
    public boolean unusable() {
        return port == 0 || host.equals("0.0.0.0") || host.equals("::");
    }

    @Override
    public String toString() {
        return host.indexOf(':') >= 0 ? "[" + host + "]:" + port : host + ":" + port;
    }
}
