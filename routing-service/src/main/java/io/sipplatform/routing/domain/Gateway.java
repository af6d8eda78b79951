package io.sipplatform.routing.domain;

import io.sipplatform.sip.uri.Host;

/**
 * One SIP gateway of a carrier.
 *
 * @param id        stable id, named in health reports and CDRs
 * @param host      host name or IP literal (IPv6 in brackets), resolved by the edge per RFC 3263
 * @param port      1..65535, or 0 to let RFC 3263 (SRV) decide
 * @param transport transport to use
 * @param priority  0..1000, lower is tried first among the carrier's gateways
 * @param weight    0..1000, share among gateways of equal priority; 0 only after the weighted ones
 * @param enabled   false never routes to it
 * @param probe     true has the edge send OPTIONS to it (health probing)
 */
public record Gateway(String id, String host, int port, Transport transport, int priority, int weight,
        boolean enabled, boolean probe) {

    public Gateway {
        id = FieldRules.id("id", id);
        FieldRules.required("host", host);
        if (!Host.isHost(host)) {
            throw new InvalidField("host", "'" + host + "' is not a host name or IP literal");
        }
        FieldRules.range("port", port, 0, 65535);
        FieldRules.required("transport", transport);
        FieldRules.range("priority", priority, 0, 1000);
        FieldRules.range("weight", weight, 0, 1000);
    }

    /** {@code host[:port]} as it goes into a SIP URI. */
    public String hostPort() {
        return port == 0 ? host : host + ":" + port;
    }
}
