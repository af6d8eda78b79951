package io.sipplatform.media.relay;

import java.util.Arrays;

/**
 * The edge's context for ending a call without its parties (dialog identifiers, targets, route sets): opaque bytes
 * the relay keeps with a session and hands back with its media-timeout and session-expired events, so that any edge
 * replica can send BYE to both parties. Immutable; at most {@link #MAX_BYTES}.
 */
public final class Teardown {
    /** Largest context accepted; bigger ones are a caller bug (INVALID_ARGUMENT), not something to truncate. */
    public static final int MAX_BYTES = 4096;

    /** No context. */
    public static final Teardown NONE = new Teardown(new byte[0]);

    private final byte[] bytes;

    private Teardown(byte[] bytes) {
        this.bytes = bytes;
    }

    /** A copy of {@code bytes}; {@link #NONE} when empty. Throws IllegalArgumentException above {@link #MAX_BYTES}. */
    public static Teardown of(byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            throw new IllegalArgumentException("teardown is " + bytes.length + " bytes, at most " + MAX_BYTES);
        }
        return bytes.length == 0 ? NONE : new Teardown(bytes.clone());
    }

    /** True when no context was given. */
    public boolean isEmpty() {
        return bytes.length == 0;
    }

    /** Size in bytes. */
    public int size() {
        return bytes.length;
    }

    /** A copy of the bytes. */
    public byte[] toByteArray() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Teardown t && Arrays.equals(bytes, t.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "Teardown[" + bytes.length + " bytes]";
    }
}
