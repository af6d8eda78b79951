/** Health checks of the relay: readiness reflects free ports and drain state. Not the place for metrics. */
package io.sipplatform.media.health;
