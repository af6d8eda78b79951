package io.sipplatform.edge.upstream;

import io.sipplatform.proto.cdr.v1.CallEvent;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * A bounded on-disk buffer of CDR events so that none is lost while cdr-service is down or slow: every event is
 * appended to a segment file before it is sent, sent in batches, and only removed once the service acknowledged it
 * (which it does after its commit). Events left over by a crash are sent after the restart; the CDR service
 * de-duplicates by call id + leg + sequence. All file and network work runs on one thread of its own, never on an
 * event loop.
 */
public final class CdrSpool implements AutoCloseable {

    /** Sends a batch; the stage completes once the service acknowledged every event in it. */
    public interface Publisher {
        CompletionStage<Void> publish(List<CallEvent> batch);
    }

    private record Pending(CallEvent event, Path segment, long end, int size) {
    }

    private static final String SUFFIX = ".spool";
    private static final int BATCH = 200;
    private static final long SEGMENT_BYTES = 8L << 20;

    private final Path dir;
    private final long maxBytes;
    private final Publisher publisher;
    private final Duration sendTimeout;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "cdr-spool");
        t.setDaemon(true);
        return t;
    });
    private final Deque<Pending> pending = new ArrayDeque<>();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong queued = new AtomicLong();
    private long bytes;
    private Path active;
    private OutputStream out;
    private long activeSize;
    private long backoffMillis;
    private boolean sending;
    private int segmentCounter;

    /**
     * @param dir         where segments live (created if missing); a restart finds the events left there
     * @param maxBytes    bound of the spool; past it new events are dropped and counted (alert on that counter)
     * @param publisher   the CDR service
     * @param sendTimeout how long one batch may take before it is retried
     */
    public CdrSpool(Path dir, long maxBytes, Publisher publisher, Duration sendTimeout) throws IOException {
        this.dir = dir;
        this.maxBytes = maxBytes;
        this.publisher = publisher;
        this.sendTimeout = sendTimeout;
        Files.createDirectories(dir);
        recover();
        thread.execute(this::sendSome);
    }

    /** Queues an event (never blocks the caller). */
    public void offer(CallEvent event) {
        queued.incrementAndGet();
        thread.execute(() -> append(event));
    }

    /** Events still waiting for an acknowledgement (approximate from other threads). */
    public int pending() {
        return queued.intValue();
    }

    /** Events dropped because the spool was full. */
    public long dropped() {
        return dropped.get();
    }

    /** Events acknowledged by the CDR service. */
    public long sent() {
        return sent.get();
    }

    /** Waits until every queued event is acknowledged, or the timeout passes; true when empty. */
    public boolean awaitEmpty(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (queued.get() > 0 && System.nanoTime() - end < 0) {
            Thread.sleep(20);
        }
        return queued.get() == 0;
    }

    @Override
    public void close() throws IOException {
        thread.shutdown();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (out != null) {
            out.close();
        }
    }

    // ---- on the spool thread

    private void append(CallEvent event) {
        byte[] b = event.toByteArray();
        int size = 4 + b.length;
        if (bytes + size > maxBytes) {
            dropped.incrementAndGet();
            queued.decrementAndGet();
            return;
        }
        try {
            if (out == null || activeSize + size > SEGMENT_BYTES) {
                roll();
            }
            out.write(ByteBuffer.allocate(4).putInt(b.length).array());
            out.write(b);
            out.flush();
            activeSize += size;
            bytes += size;
            pending.add(new Pending(event, active, activeSize, size));
        } catch (IOException e) {
            dropped.incrementAndGet(); // disk full or gone: counted, and the event still goes out from memory
            pending.add(new Pending(event, null, 0, 0));
        }
        if (!sending) {
            sendSome();
        }
    }

    private void roll() throws IOException {
        if (out != null) {
            out.close();
        }
        active = dir.resolve(String.format("%013d-%06d", System.currentTimeMillis(), ++segmentCounter) + SUFFIX);
        out = Files.newOutputStream(active, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        activeSize = Files.size(active);
    }

    private void sendSome() {
        if (pending.isEmpty()) {
            sending = false;
            return;
        }
        sending = true;
        List<Pending> batch = new ArrayList<>(Math.min(BATCH, pending.size()));
        for (Pending p : pending) {
            batch.add(p);
            if (batch.size() == BATCH) {
                break;
            }
        }
        List<CallEvent> events = new ArrayList<>(batch.size());
        batch.forEach(p -> events.add(p.event()));
        publisher.publish(events).toCompletableFuture().orTimeout(sendTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((ok, failure) -> thread.execute(() -> {
                    if (failure == null) {
                        acknowledge(batch);
                        backoffMillis = 0;
                        sendSome();
                    } else {
                        backoffMillis = backoffMillis == 0 ? 200 : Math.min(backoffMillis * 2, 30_000);
                        thread.schedule(this::sendSome, backoffMillis, TimeUnit.MILLISECONDS);
                    }
                }));
    }

    private void acknowledge(List<Pending> batch) {
        for (Pending p : batch) {
            pending.pollFirst();
            bytes -= p.size();
            sent.incrementAndGet();
            queued.decrementAndGet();
            if (p.segment() != null) {
                writeAck(p.segment(), p.end());
            }
        }
    }

    private void writeAck(Path segment, long end) {
        try {
            if (!segment.equals(active) && end >= Files.size(segment)) {
                Files.deleteIfExists(segment);
                Files.deleteIfExists(ackFile(segment));
                return;
            }
            Files.writeString(ackFile(segment), Long.toString(end));
        } catch (IOException e) {
            // the ack position is only an optimisation: a lost one re-sends events the service de-duplicates
        }
    }

    private static Path ackFile(Path segment) {
        return segment.resolveSibling(segment.getFileName() + ".acked");
    }

    /** Loads events of earlier runs that were never acknowledged. */
    private void recover() throws IOException {
        List<Path> segments;
        try (Stream<Path> s = Files.list(dir)) {
            segments = s.filter(p -> p.getFileName().toString().endsWith(SUFFIX)).sorted().toList();
        }
        for (Path seg : segments) {
            long acked = 0;
            if (Files.exists(ackFile(seg))) {
                try {
                    acked = Long.parseLong(Files.readString(ackFile(seg)).strip());
                } catch (NumberFormatException e) {
                    acked = 0;
                }
            }
            long pos = 0;
            try (InputStream in = Files.newInputStream(seg); DataInputStream data = new DataInputStream(in)) {
                while (true) {
                    int len;
                    try {
                        len = data.readInt();
                    } catch (EOFException e) {
                        break;
                    }
                    if (len < 0 || len > (1 << 20)) {
                        break; // a torn tail from a crash mid-write: the rest of this segment is unusable
                    }
                    byte[] b = new byte[len];
                    try {
                        data.readFully(b);
                    } catch (EOFException e) {
                        break;
                    }
                    pos += 4 + len;
                    if (pos <= acked) {
                        continue;
                    }
                    pending.add(new Pending(CallEvent.parseFrom(b), seg, pos, 4 + len));
                    bytes += 4 + len;
                    queued.incrementAndGet();
                }
            }
            if (pending.stream().noneMatch(p -> seg.equals(p.segment()))) {
                Files.deleteIfExists(seg);
                Files.deleteIfExists(ackFile(seg));
            }
        }
    }
}
