package io.sipplatform.cdr.store;

/** The database did not answer or refused a statement; nothing was committed. */
public class StoreFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
