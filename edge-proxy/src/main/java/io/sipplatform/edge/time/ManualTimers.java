package io.sipplatform.edge.time;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Timers driven by the test: nothing fires until {@link #fire(String)} or {@link #advance(Duration)} is called.
 * Not thread-safe, like the single-threaded code it drives.
 */
public final class ManualTimers implements Timers {

    /** A pending timer as the test sees it. */
    public final class Pending implements Timer {
        private final String name;
        private final long dueNanos;
        private final Runnable task;
        private boolean done;

        Pending(String name, long dueNanos, Runnable task) {
            this.name = name;
            this.dueNanos = dueNanos;
            this.task = task;
        }

        public String name() {
            return name;
        }

        public Duration dueIn() {
            return Duration.ofNanos(dueNanos - nowNanos);
        }

        @Override
        public void cancel() {
            done = true;
            pending.remove(this);
        }
    }

    private final List<Pending> pending = new ArrayList<>();
    private long nowNanos;

    @Override
    public Timer schedule(String name, Duration delay, Runnable task) {
        Pending p = new Pending(name, nowNanos + delay.toNanos(), task);
        pending.add(p);
        return p;
    }

    /** Names of pending timers, earliest first. */
    public List<String> pendingNames() {
        return pending.stream().sorted(Comparator.comparingLong(p -> p.dueNanos)).map(Pending::name).toList();
    }

    /** True if a timer with this name is pending. */
    public boolean isPending(String name) {
        return pending.stream().anyMatch(p -> p.name.equals(name));
    }

    /** The delay of the earliest pending timer with this name. */
    public Duration delayOf(String name) {
        return pending.stream().filter(p -> p.name.equals(name)).min(Comparator.comparingLong(p -> p.dueNanos))
                .map(Pending::dueIn).orElseThrow(() -> new AssertionError("no pending timer " + name));
    }

    /** Fires the earliest pending timer with this name, moving time to its due time. */
    public void fire(String name) {
        Pending p = pending.stream().filter(x -> x.name.equals(name)).min(Comparator.comparingLong(x -> x.dueNanos))
                .orElseThrow(() -> new AssertionError("no pending timer " + name + "; pending: " + pendingNames()));
        run(p);
    }

    /** Moves time forward, firing every timer that falls due, in order. */
    public void advance(Duration d) {
        long target = nowNanos + d.toNanos();
        while (true) {
            Pending next = pending.stream().filter(p -> p.dueNanos <= target)
                    .min(Comparator.comparingLong(p -> p.dueNanos)).orElse(null);
            if (next == null) {
                break;
            }
            run(next);
        }
        nowNanos = target;
    }

    private void run(Pending p) {
        pending.remove(p);
        nowNanos = Math.max(nowNanos, p.dueNanos);
        if (!p.done) {
            p.done = true;
            p.task.run();
        }
    }
}
