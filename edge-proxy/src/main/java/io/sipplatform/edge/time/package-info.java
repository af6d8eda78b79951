/** Injected time for the edge: named timers, a Vert.x implementation and a manual one for tests. */
package io.sipplatform.edge.time;
