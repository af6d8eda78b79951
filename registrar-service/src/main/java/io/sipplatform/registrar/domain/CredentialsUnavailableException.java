package io.sipplatform.registrar.domain;

/** The credential source did not answer (unreachable, deadline): the REGISTER gets 503 with Retry-After. */
public class CredentialsUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CredentialsUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
