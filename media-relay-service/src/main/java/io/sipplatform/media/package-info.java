/**
 * media-relay-service: anchors RTP/RTCP between SIP parties (rtpengine's role beside Kamailio) behind a gRPC control
 * API. This package holds the configuration and the wiring; the media plane is in relay, the session logic in
 * session, the fan-out of events to WatchEvents subscribers in events, the gRPC adapter in grpc. It is not a SIP
 * element and speaks no SIP.
 */
package io.sipplatform.media;
