package io.sipplatform.registrar.domain;

/**
 * Where a REGISTER came from after received/rport handling (RFC 3581): the UA's public address.
 *
 * @param ip        canonical IP text (dotted quad, RFC 5952 IPv6 without brackets); non-empty
 * @param port      1..65535, or 0 when the edge did not say
 * @param transport transport token in upper case ("UDP", "TCP", "TLS", "WS", "WSS"), or "" when unknown
 */
public record SourceAddress(String ip, int port, String transport) {

    public SourceAddress {
        if (ip == null || ip.isEmpty()) {
            throw new IllegalArgumentException("missing source ip");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("source port out of range: " + port);
        }
        transport = transport == null ? "" : transport;
    }
}
