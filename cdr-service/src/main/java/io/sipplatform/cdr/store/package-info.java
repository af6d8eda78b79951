/**
 * CDR storage over JDBC (PostgreSQL, or H2 in PostgreSQL mode as the embedded default; same Flyway migrations):
 * idempotent event ingestion that refolds a call's CDR in the same transaction, orphan closing, the queries behind
 * the REST API, and the day partitions (PostgreSQL) with their maintenance and retention. It is not the fold itself (see the domain package) and knows nothing of gRPC or HTTP.
 */
package io.sipplatform.cdr.store;
