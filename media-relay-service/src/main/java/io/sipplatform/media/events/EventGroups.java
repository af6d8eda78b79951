package io.sipplatform.media.events;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import java.util.regex.Pattern;

/**
 * Delivers each published event to every subscriber without a group and to one member of each group: round robin,
 * skipping members that are gone or whose buffer is full. A group is known from its first subscriber on; an event it
 * has no member for is counted as undelivered, never queued (a media timeout from an hour ago helps nobody).
 * Lock-free: only the first subscriber of a new group name takes this object's lock, briefly.
 */
public final class EventGroups<E> {
    /** The group of subscribers that get every event. */
    public static final String EVERY_EVENT = "";

    /**
     * Most group names per process. A group stays known after its last member left (its events are counted as
     * undelivered); names become metric tags, so a caller that invents names cannot grow them without bound.
     */
    public static final int MAX_GROUPS = 64;

    private static final Pattern GROUP_NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    /** What happened to events nobody took; called on event loops, so implementations must not block. */
    public interface Observer {
        /** The group, or the every-event list ({@link #EVERY_EVENT}), exists now with {@code members} subscribers. */
        void group(String group, IntSupplier members);

        /** An event for {@code group} found no connected member. */
        void undelivered(String group);

        /** An event was lost for {@code group}: every member's buffer was full, or a leaving member had it unsent. */
        void dropped(String group);

        /** Counts nothing. */
        Observer NONE = new Observer() {
            @Override
            public void group(String group, IntSupplier members) {
            }

            @Override
            public void undelivered(String group) {
            }

            @Override
            public void dropped(String group) {
            }
        };
    }

    /** One subscriber's place in a group: created first, started once the sink can take events. */
    public final class Subscription {
        private final Group group;
        private final EventSink<E> sink;

        private Subscription(Group group, EventSink<E> sink) {
            this.group = group;
            this.sink = sink;
        }

        /** Starts delivery to the sink. */
        public void start() {
            group.members.add(sink);
        }

        /**
         * Stops delivery. {@code unsent} are events the sink had taken but not sent: in a group they go to the other
         * members (a replica that leaves does not take a call's teardown with it), else they are dropped and counted.
         */
        public void cancel(List<E> unsent) {
            if (!group.members.remove(sink)) {
                return;
            }
            for (E event : unsent) {
                if (group.name.equals(EVERY_EVENT)) {
                    observer.dropped(EVERY_EVENT);
                } else {
                    group.deliverToOne(event);
                }
            }
        }
    }

    private final class Group {
        final String name;
        final List<EventSink<E>> members = new CopyOnWriteArrayList<>();
        final AtomicInteger next = new AtomicInteger();

        Group(String name) {
            this.name = name;
        }

        void deliverToAll(E event) {
            for (EventSink<E> sink : members) {
                if (!sink.offer(event)) {
                    observer.dropped(name);
                }
            }
        }

        @SuppressWarnings("unchecked")
        void deliverToOne(E event) {
            Object[] snapshot = members.toArray();
            int n = snapshot.length;
            boolean anyOpen = false;
            int first = n == 0 ? 0 : Math.floorMod(next.getAndIncrement(), n);
            for (int i = 0; i < n; i++) {
                EventSink<E> sink = (EventSink<E>) snapshot[(first + i) % n];
                if (sink.offer(event)) {
                    return;
                }
                anyOpen |= sink.isOpen();
            }
            if (anyOpen) {
                observer.dropped(name);
            } else {
                observer.undelivered(name);
            }
        }
    }

    private final Observer observer;
    private final Group everyEvent = new Group(EVERY_EVENT);
    private final Map<String, Group> groups = new ConcurrentHashMap<>();

    public EventGroups(Observer observer) {
        this.observer = observer;
        observer.group(EVERY_EVENT, everyEvent.members::size);
    }

    /** True for the empty group (every event) and for 1-64 letters, digits, '.', '_' or '-'. */
    public static boolean isValidGroup(String group) {
        return group.isEmpty() || GROUP_NAME.matcher(group).matches();
    }

    /**
     * A subscription of {@code sink} to {@code group} ({@link #EVERY_EVENT} for every event), not started yet.
     * Throws IllegalArgumentException for an invalid name, {@link TooManyGroups} beyond {@link #MAX_GROUPS}.
     */
    public Subscription subscription(String group, EventSink<E> sink) {
        if (!isValidGroup(group)) {
            throw new IllegalArgumentException("invalid group name");
        }
        if (group.equals(EVERY_EVENT)) {
            return new Subscription(everyEvent, sink);
        }
        Group g = groups.get(group);
        if (g == null) {
            g = newGroup(group);
        }
        return new Subscription(g, sink);
    }

    private synchronized Group newGroup(String name) {
        Group existing = groups.get(name);
        if (existing != null) {
            return existing;
        }
        if (groups.size() >= MAX_GROUPS) {
            throw new TooManyGroups(MAX_GROUPS);
        }
        Group g = new Group(name);
        groups.put(name, g);
        observer.group(name, () -> members(name));
        return g;
    }

    /** Publishes {@code event}: to every subscriber without a group, and to one member of each group. */
    public void publish(E event) {
        everyEvent.deliverToAll(event);
        for (Group g : groups.values()) {
            g.deliverToOne(event);
        }
    }

    /** Subscribers of {@code group} now ({@link #EVERY_EVENT}: those that get every event). */
    public int members(String group) {
        Group g = group.equals(EVERY_EVENT) ? everyEvent : groups.get(group);
        return g == null ? 0 : g.members.size();
    }
}
