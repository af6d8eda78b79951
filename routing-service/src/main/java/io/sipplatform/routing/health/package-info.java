/**
 * SmallRye Health checks: readiness is DOWN until the provisioning snapshot is loaded, while the store stops
 * answering polls, and while the cluster caches are not running. Reporting only; no recovery logic.
 */
package io.sipplatform.routing.health;
