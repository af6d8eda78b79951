package io.sipplatform.routing.domain;

/** A flow owned by one edge replica (RFC 5626 §3.2): the way to a UA registered over a connection. */
public record FlowRef(String edgeId, String flowToken) {
}
