/**
 * Micrometer telemetry of the relay: sessions, ports, packets relayed, drops by reason, latching and timeouts. It
 * observes the media plane and never changes it.
 */
package io.sipplatform.media.metrics;
