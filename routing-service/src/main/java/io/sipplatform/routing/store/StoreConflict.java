package io.sipplatform.routing.store;

/** A write clashes with what is stored: the id exists already, or the row is still referenced (HTTP 409). */
public final class StoreConflict extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreConflict(String message) {
        super(message);
    }
}
