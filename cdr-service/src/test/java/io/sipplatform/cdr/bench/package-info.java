/**
 * Benchmarks, run only on request (-Dcdr.bench=true, failsafe): ingestion rate into the packaged service on
 * PostgreSQL and query latency at 10 million CDRs. Not part of the normal build's pass/fail.
 */
package io.sipplatform.cdr.bench;
