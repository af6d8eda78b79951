package io.sipplatform.routing.store;

/** The database could not be used (connection, SQL error): the request is answered 503. */
public final class StoreFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
