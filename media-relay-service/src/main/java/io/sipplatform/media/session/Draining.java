package io.sipplatform.media.session;

/** The relay is draining and takes no new sessions: the control API answers UNAVAILABLE. */
public final class Draining extends RuntimeException {
    public Draining() {
        super("relay is draining", null, false, false);
    }
}
