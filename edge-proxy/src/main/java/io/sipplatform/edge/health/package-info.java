/** SmallRye Health checks of the edge (readiness = listening, wired, not draining). */
package io.sipplatform.edge.health;
