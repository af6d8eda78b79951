/**
 * SDP (RFC 8866) session descriptions as the media relay and the edge need them: parse an offer or answer, read the
 * origin, connection data, media lines, RTP maps (with RFC 3551 static payload types), RTCP port (RFC 3605),
 * rtcp-mux (RFC 5761), direction and SDES crypto lines (RFC 4568), and rewrite it to anchor media (connection
 * address, ports, a=rtcp), drop ICE (RFC 8839), filter codecs with RFC 3264 §6 stream disabling, set direction and
 * bump the o= version. Every line is kept verbatim and in order; rewrites replace only the lines they must, so an
 * unchanged description serialises to the lines it was read from (with CRLF).
 *
 * <p>It is not an offer/answer engine: it does not negotiate, match answers to offers or decide what to keep; the
 * caller does. It does not limit body size either: the SIP framer bounds the body before it gets here, and every
 * parse step is linear in the body length with no regex and no recursion. Malformed input raises
 * {@link io.sipplatform.sip.SipParseException} and nothing else.
 */
package io.sipplatform.sip.sdp;
