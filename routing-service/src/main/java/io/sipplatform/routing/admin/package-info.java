/**
 * The REST admin API under /admin/v1: CRUD with cursor pagination for customers, trunks, DIDs, carriers, route
 * tables, routes and emergency routes, guarded by bearer tokens. JSON bodies are records of this package mapped to
 * the domain's provisioning records, whose validation names the offending field in a 400. Every write reloads the
 * local snapshot before it answers; other replicas pick it up by polling the store revision. Passwords are
 * accepted, hashed to HA1 and never returned.
 */
package io.sipplatform.routing.admin;
