/**
 * The SIP message: framing (datagram and stream, with named {@link io.sipplatform.sip.message.FrameLimits}),
 * the immutable lazily-parsed {@link io.sipplatform.sip.message.SipMessage}, and the
 * {@link io.sipplatform.sip.message.SipMessageBuilder} that writes untouched header fields back byte for byte.
 * Malformed input is a {@link io.sipplatform.sip.message.Framed.Malformed} value, never an exception; header
 * accessors throw only {@link io.sipplatform.sip.SipParseException}. Not a transaction layer: no timers, no I/O.
 */
package io.sipplatform.sip.message;
