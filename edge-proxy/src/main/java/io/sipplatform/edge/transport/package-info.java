/**
 * SIP transports of the edge on Vert.x core: UDP, TCP, TLS (PEM files reloaded when they change) and WebSocket
 * (RFC 7118, WS and WSS), over IPv4 and IPv6. {@link io.sipplatform.edge.transport.SipTransports} binds the
 * listeners of {@link io.sipplatform.edge.transport.TransportSettings}, frames input with the message library
 * (one datagram framer per UDP socket, one stream framer per connection), delivers
 * {@link io.sipplatform.edge.transport.Inbound} messages on the event loop that read them, answers malformed but
 * readable requests (513/505/400) and CRLFCRLF pings, and sends through the
 * {@link io.sipplatform.edge.transport.SipSender} contract with connection reuse by flow id or peer address, pooled
 * outbound TCP/TLS connections, per-IP and total connection caps and idle timeouts. Every connection is a
 * {@link io.sipplatform.edge.transport.Flow} in the {@link io.sipplatform.edge.transport.FlowRegistry}.
 *
 * <p>It is not a transaction layer (no retransmissions, no timers A-K), does not choose next hops (RFC 3263) or
 * rewrite Via/Record-Route, and holds no CDI beans: the Quarkus wiring constructs it with the managed Vert.x and a
 * MeterRegistry.
 */
package io.sipplatform.edge.transport;
