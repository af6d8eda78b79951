/**
 * Micrometer meters of cdr-service (exported at /q/metrics). Only counting and timing; no decisions are made here.
 */
package io.sipplatform.cdr.metrics;
