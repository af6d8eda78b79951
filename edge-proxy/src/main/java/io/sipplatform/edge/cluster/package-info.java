/**
 * Edge-to-edge hand-off inside one site. A replica with hand-off enabled takes a replica id that encodes its
 * internal address ({@link io.sipplatform.edge.cluster.HandoffAddress}); the id rides in every Via branch it writes
 * and in the flow references it gives the registrar. A response that a load balancer delivers to another replica is
 * forwarded, as received, to the replica named in its branch; a request that must leave through a connection owned
 * by another replica is passed to that replica to send. Both travel over one internal UDP socket per replica,
 * authenticated with an HMAC under the cluster secret. Not a cluster membership protocol: nothing is discovered.
 */
package io.sipplatform.edge.cluster;
