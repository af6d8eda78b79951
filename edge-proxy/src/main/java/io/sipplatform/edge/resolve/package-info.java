/**
 * Next-hop resolution per RFC 3263: NAPTR, SRV (RFC 2782 priority and weight) and A/AAAA over a small
 * asynchronous DNS stub client on Vert.x UDP, with a cache that keeps each answer for its TTL (negative answers
 * for the SOA minimum or a configured time). The result is an ordered list of destinations the proxy core tries
 * in turn on transport error or timeout. Not a recursive resolver: it asks the configured servers over UDP, and
 * asks again over TCP when an answer comes back truncated (a large SRV set); without a TCP answer the truncated
 * records are used as far as they go.
 */
package io.sipplatform.edge.resolve;
