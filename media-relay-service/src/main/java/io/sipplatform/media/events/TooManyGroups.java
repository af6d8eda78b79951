package io.sipplatform.media.events;

/** A subscription names a new group after {@link EventGroups#MAX_GROUPS} names were used. */
public final class TooManyGroups extends RuntimeException {
    public TooManyGroups(int max) {
        super("at most " + max + " event groups");
    }
}
