/**
 * SIP transports of the edge on Vert.x: UDP, TCP, TLS, WebSocket (RFC 7118); framing with the message library,
 * connection reuse and limits. It is not a transaction layer: it delivers {@link io.sipplatform.edge.transport.Inbound}
 * messages and sends bytes.
 */
package io.sipplatform.edge.transport;
