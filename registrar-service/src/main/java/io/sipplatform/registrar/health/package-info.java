/**
 * SmallRye Health probes of registrar-service: readiness follows the location cache node (joined, initial state
 * transfer done, caches serving). Liveness is Quarkus' default. Not metrics.
 */
package io.sipplatform.registrar.health;
