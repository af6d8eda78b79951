/**
 * The media plane: UDP port pairs from a quarantined range, one relay endpoint (RTP and RTCP socket) per party and
 * stream on Vert.x datagram sockets, symmetric latching, and the per-party counters. Packets are relayed untouched
 * on the event loop that owns the socket. It knows nothing of SDP or gRPC; the session package drives it.
 */
package io.sipplatform.media.relay;
