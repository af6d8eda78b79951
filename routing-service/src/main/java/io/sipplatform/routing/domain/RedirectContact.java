package io.sipplatform.routing.domain;

/**
 * One Contact of a 3xx answer (RFC 3261 §8.3).
 *
 * @param uri    target URI
 * @param qMilli q-value times 1000, or null to omit it
 */
public record RedirectContact(String uri, Integer qMilli) {
}
