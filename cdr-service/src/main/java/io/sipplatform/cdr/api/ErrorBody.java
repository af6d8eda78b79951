package io.sipplatform.cdr.api;

/** An error answer: HTTP status, the offending parameter (null when none) and a message. */
public record ErrorBody(int status, String parameter, String message) {
}
