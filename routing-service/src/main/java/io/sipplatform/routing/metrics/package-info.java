/**
 * Micrometer meters of routing-service (exported in Prometheus format at /q/metrics): decisions by outcome, limit
 * rejections by trunk, gateway state changes, per-carrier attempts and answers (ASR = answers / attempts). Only
 * counting; it decides nothing.
 */
package io.sipplatform.routing.metrics;
