package io.sipplatform.registrar.domain;

/** The location store could not answer (timeout, lost quorum, shutdown): no binding was changed by the call. */
public class LocationStoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public LocationStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
