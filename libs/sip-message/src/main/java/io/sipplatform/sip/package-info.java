/**
 * SIP and SDP message library of the platform: JDK only, no Vert.x, Quarkus, protobuf or Infinispan types.
 * Sub-packages: {@code frame} (datagram and stream framing with named limits), {@code message} (the lazily parsed,
 * immutable message and its builder), {@code header} and {@code uri} (RFC 3261 §25 value grammars), {@code sdp}
 * (RFC 8866), {@code digest} (RFC 7616/8760 digest with stateless nonces). It is not a transaction layer or a stack:
 * it never does I/O and keeps no state between messages, except the stream framer's buffer.
 */
package io.sipplatform.sip;
