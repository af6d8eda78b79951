package io.sipplatform.edge.transaction;

/**
 * What identifies a client transaction (RFC 3261 §17.1.3): the branch of the top Via this edge wrote, and the
 * method, since a CANCEL shares its INVITE's branch. The branch is the edge's own, so it compares exactly.
 */
record ClientKey(String branch, String method) {
}
