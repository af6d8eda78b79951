/**
 * Integration tests against the packaged routing-service running as separate processes (run by failsafe after
 * packaging): replicas that share limits only through their Infinispan cluster, as two pods would.
 */
package io.sipplatform.routing.it;
