/**
 * CDR storage over JDBC (PostgreSQL, or H2 in PostgreSQL mode as the embedded default; same Flyway migrations):
 * idempotent event ingestion that refolds a call's CDR in the same transaction, orphan closing, and the queries
 * behind the REST API. It is not the fold itself (see the domain package) and knows nothing of gRPC or HTTP.
 */
package io.sipplatform.cdr.store;
