/**
 * The REST query API (JSON, OpenAPI at /q/openapi): CDR listings with keyset pagination, one CDR with its legs,
 * streamed CSV export, hourly aggregates; bearer-token auth from cdr.api.tokens. Read-only: CDRs are written only
 * through gRPC ingestion.
 */
package io.sipplatform.cdr.api;
