package io.sipplatform.routing.domain;

import java.util.List;

/**
 * One registered contact of an AOR, as the registrar returns it.
 *
 * @param uri      Contact URI: the Request-URI to send to (RFC 3261 §16.5)
 * @param path     Path URIs stored with the binding (RFC 3327), topmost first: the Route set towards it
 * @param flow     edge flow that reaches it; null when any edge may send
 * @param qMilli   q-value times 1000, or null when the UA gave none
 * @param received public source of the REGISTER that wrote the binding (after received/rport, RFC 3581); null when
 *                 the registrar did not record one
 */
public record RegisteredContact(String uri, List<String> path, FlowRef flow, Integer qMilli,
                                SourceAddress received) {
    public RegisteredContact {
        path = List.copyOf(path);
    }

    /** A contact without a recorded source (tests, bindings written before sources were kept). */
    public RegisteredContact(String uri, List<String> path, FlowRef flow, Integer qMilli) {
        this(uri, path, flow, qMilli, null);
    }
}
