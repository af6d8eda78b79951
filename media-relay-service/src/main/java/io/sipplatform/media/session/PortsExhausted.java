package io.sipplatform.media.session;

/** The port range has no free pair: the control API answers RESOURCE_EXHAUSTED (the edge sends 503). */
public final class PortsExhausted extends RuntimeException {
    public PortsExhausted(int wantedPairs) {
        super("no " + wantedPairs + " free port pairs in the media range", null, false, false);
    }
}
