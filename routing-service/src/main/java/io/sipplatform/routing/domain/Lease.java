package io.sipplatform.routing.domain;

import java.time.Instant;

/**
 * A cluster-wide concurrency slot held by a call; released when the call ends, or free again at {@code expiresAt}
 * when the release is lost.
 */
public record Lease(String id, Instant expiresAt) {
}
