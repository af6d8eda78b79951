package io.sipplatform.registrar.domain;

/**
 * A flow held by one edge replica (RFC 5626 §3.2): the replica's identity and the opaque token it minted. Lets any
 * replica reach a contact through the replica that owns the connection.
 *
 * @param edgeId    owning edge replica, e.g. its pod name; non-empty
 * @param flowToken opaque token only the owner interprets; non-empty
 */
public record Flow(String edgeId, String flowToken) {

    public Flow {
        if (edgeId == null || edgeId.isEmpty() || flowToken == null || flowToken.isEmpty()) {
            throw new IllegalArgumentException("a flow needs an edge id and a token");
        }
    }
}
