/**
 * cdr-service: turns call events from the edge into exactly one call detail record per call attempt, durably, and
 * serves them for billing (query, CSV export, hourly aggregates). This package holds the configuration and the
 * wiring; the rules are in domain, storage in store, the boundaries in grpc and api.
 */
package io.sipplatform.cdr;
