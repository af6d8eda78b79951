package io.sipplatform.routing.admin;

/**
 * The JSON of every admin error.
 *
 * @param status  HTTP status
 * @param field   offending field path for 400 (e.g. {@code gateways[1].port}); null otherwise
 * @param message what is wrong
 */
public record ErrorBody(int status, String field, String message) {
}
