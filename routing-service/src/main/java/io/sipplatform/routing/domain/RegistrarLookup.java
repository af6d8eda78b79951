package io.sipplatform.routing.domain;

import java.util.List;

/** Port: the registered contacts of an AOR (registrar-service's Lookup). */
public interface RegistrarLookup {

    /** Thrown when the registrar gave no answer (deadline, unavailable): the call gets 503. */
    final class Unavailable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * The AOR's contacts, highest q first, then most recent; empty when none is registered.
     *
     * @throws Unavailable when the registrar did not answer
     */
    List<RegisteredContact> contacts(String aor);
}
