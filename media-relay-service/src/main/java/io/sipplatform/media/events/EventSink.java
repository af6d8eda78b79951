package io.sipplatform.media.events;

/** Where one subscriber's events go. Implementations queue and never block: {@link #offer} runs on event loops. */
public interface EventSink<E> {
    /** Takes {@code event} for sending; false when the buffer is full or the subscriber is leaving. */
    boolean offer(E event);

    /** False once the subscriber is gone (its stream cancelled or failed). */
    boolean isOpen();
}
