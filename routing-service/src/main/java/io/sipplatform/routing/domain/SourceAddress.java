package io.sipplatform.routing.domain;

/**
 * Where a request came from after received/rport handling (RFC 3581).
 *
 * @param ip        IP literal
 * @param port      source port
 * @param transport transport it came over; null when the edge did not say
 */
public record SourceAddress(String ip, int port, Transport transport) {
    public SourceAddress {
        ip = ip == null ? "" : ip;
    }
}
