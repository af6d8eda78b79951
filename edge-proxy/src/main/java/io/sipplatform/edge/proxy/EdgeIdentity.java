package io.sipplatform.edge.proxy;

import io.sipplatform.edge.transport.Transport;
import io.sipplatform.sip.header.Via;
import io.sipplatform.sip.uri.SipUri;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who this edge is on the wire: its replica id, the advertised host and port of each transport (what it writes in
 * Via and Record-Route), and the SIP domains it serves.
 *
 * @param replicaId  unique per process; carried in branches
 * @param advertised advertised host and port per enabled transport
 * @param domains    domains the edge is responsible for (lower case)
 */
public record EdgeIdentity(String replicaId, Map<Transport, HostPort> advertised, Set<String> domains) {

    /** Host and port as written in headers. */
    public record HostPort(String host, int port) {
        @Override
        public String toString() {
            return host + ":" + port;
        }
    }

    public EdgeIdentity {
        advertised = Map.copyOf(advertised);
        domains = domains.stream().map(d -> d.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    /** The advertised address for a transport, falling back to UDP's. */
    public HostPort pointFor(Transport t) {
        HostPort hp = advertised.get(t);
        if (hp == null) {
            hp = advertised.values().iterator().next();
        }
        return hp;
    }

    /** True when the URI names this edge: one of its advertised host:port pairs (default port 5060/5061). */
    public boolean isMe(SipUri uri) {
        return advertises(uri.host(), uri.port() >= 0 ? uri.port() : (uri.secure() ? 5061 : 5060));
    }

    private boolean advertises(String host, int port) {
        for (HostPort hp : advertised.values()) {
            if (hp.host().equalsIgnoreCase(host) && hp.port() == port) {
                return true;
            }
        }
        return false;
    }

    /** True when the URI's host is one of this edge's domains or addresses (for REGISTER and OPTIONS). */
    public boolean servesHost(SipUri uri) {
        if (domains.contains(uri.host().toLowerCase(Locale.ROOT))) {
            return true;
        }
        return isMe(uri) || (uri.port() < 0 && advertised.values().stream()
                .anyMatch(hp -> hp.host().equalsIgnoreCase(uri.host())));
    }

    /** True for a Via this edge wrote. */
    public boolean isMine(Via via) {
        return advertises(via.host(), via.port() >= 0 ? via.port() : 5060);
    }
}
