/**
 * The SIP transaction layer of the edge (RFC 3261 §17, RFC 6026, response routing of §18.2.2 and RFC 3581): server
 * and client transactions, INVITE and non-INVITE, their retransmissions and timers A to M on injected
 * {@link io.sipplatform.edge.time.Timers}, absorption of retransmitted requests and responses, the hop-by-hop ACK
 * for non-2xx final responses, and CANCEL built and queued per §9.1. One {@link
 * io.sipplatform.edge.transaction.TransactionLayer} serves one event-loop shard; everything runs on that thread, so
 * nothing here locks.
 *
 * <p>It is not the proxy core: it never decides where a request goes, never forwards, never generates final
 * responses, ACKs for 2xx or 2xx retransmissions (all of those belong to the transaction user). It is not a
 * transport either: it hands bytes to a {@link io.sipplatform.edge.transport.SipSender} and receives
 * {@link io.sipplatform.edge.transport.Inbound} messages. It uses no Vert.x or Quarkus types.
 */
package io.sipplatform.edge.transaction;
