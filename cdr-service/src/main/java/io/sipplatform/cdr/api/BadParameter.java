package io.sipplatform.cdr.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** A query parameter that cannot be used: answered 400 naming it. */
final class BadParameter extends WebApplicationException {
    private static final long serialVersionUID = 1L;

    BadParameter(String parameter, String message) {
        super(message, Response.status(400).type(MediaType.APPLICATION_JSON)
                .entity(new ErrorBody(400, parameter, message)).build());
    }
}
