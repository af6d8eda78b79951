package io.sipplatform.media.grpc;

import io.grpc.stub.ServerCallStreamObserver;
import io.sipplatform.media.events.EventGroups;
import io.sipplatform.media.events.EventSink;
import io.sipplatform.media.relay.MediaEvent;
import io.sipplatform.proto.media.v1.WatchEventsResponse;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * One WatchEvents stream: a bounded buffer drained while gRPC flow control says the subscriber can take more
 * ({@code isReady}, resumed by the on-ready handler). Publishers only queue, so a slow subscriber never blocks an
 * event loop and never holds more than the buffer; beyond it {@link #offer} refuses and the caller counts the drop.
 * One thread at a time sends (a work counter), whichever publisher or on-ready callback came first.
 */
final class EventStream implements EventSink<MediaEvent> {
    private static final Logger LOG = Logger.getLogger(EventStream.class);

    private final ServerCallStreamObserver<WatchEventsResponse> call;
    private final String subscriberId;
    private final Function<MediaEvent, WatchEventsResponse> mapping;
    private final BlockingQueue<MediaEvent> buffer;
    private final AtomicInteger work = new AtomicInteger();
    private final AtomicBoolean open = new AtomicBoolean(true);
    private volatile EventGroups<MediaEvent>.Subscription subscription;

    EventStream(ServerCallStreamObserver<WatchEventsResponse> call, String subscriberId, int capacity,
                Function<MediaEvent, WatchEventsResponse> mapping) {
        this.call = call;
        this.subscriberId = subscriberId;
        this.mapping = mapping;
        this.buffer = new ArrayBlockingQueue<>(capacity);
        call.setOnReadyHandler(this::drain);
        call.setOnCancelHandler(() -> close(null));
    }

    /** Starts taking events of {@code s}, whose sink this is. */
    void start(EventGroups<MediaEvent>.Subscription s) {
        subscription = s;
        s.start();
    }

    @Override
    public boolean offer(MediaEvent event) {
        if (!open.get() || !buffer.offer(event)) {
            return false;
        }
        drain();
        return true;
    }

    @Override
    public boolean isOpen() {
        return open.get();
    }

    /** Events taken and not sent yet. */
    int buffered() {
        return buffer.size();
    }

    private void drain() {
        if (work.getAndIncrement() != 0) {
            return; // the thread that is sending will loop once more
        }
        int missed = 1;
        do {
            while (open.get() && call.isReady()) {
                MediaEvent event = buffer.poll();
                if (event == null) {
                    break;
                }
                if (call.isCancelled()) {
                    close(event);
                    return;
                }
                try {
                    call.onNext(mapping.apply(event));
                } catch (RuntimeException e) {
                    LOG.debugf("event subscriber %s gone: %s", subscriberId, e.getMessage());
                    close(event);
                    return;
                }
            }
            missed = work.addAndGet(-missed);
        } while (missed != 0);
    }

    // The stream ended: what it had not sent goes back to its group (another replica ends the call instead).
    private void close(MediaEvent unsent) {
        if (!open.compareAndSet(true, false)) {
            return;
        }
        List<MediaEvent> left = new ArrayList<>();
        if (unsent != null) {
            left.add(unsent);
        }
        buffer.drainTo(left);
        EventGroups<MediaEvent>.Subscription s = subscription;
        if (s != null) {
            s.cancel(left);
        }
    }
}
