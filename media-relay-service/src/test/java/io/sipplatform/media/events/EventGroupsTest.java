package io.sipplatform.media.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;

/** Fan-out with fake subscribers: every event to ungrouped ones, one member per group, counted when nobody takes it. */
class EventGroupsTest {

    /** A subscriber that takes events until its buffer is full or it leaves. */
    static final class Sink implements EventSink<String> {
        final List<String> taken = new ArrayList<>();
        int room = Integer.MAX_VALUE;
        boolean open = true;

        @Override
        public boolean offer(String event) {
            if (!open || taken.size() >= room) {
                return false;
            }
            taken.add(event);
            return true;
        }

        @Override
        public boolean isOpen() {
            return open;
        }
    }

    private final Map<String, Integer> undelivered = new HashMap<>();
    private final Map<String, Integer> dropped = new HashMap<>();
    private final Map<String, IntSupplier> members = new HashMap<>();
    private final EventGroups<String> groups = new EventGroups<>(new EventGroups.Observer() {
        @Override
        public void group(String group, IntSupplier count) {
            members.put(group, count);
        }

        @Override
        public void undelivered(String group) {
            undelivered.merge(group, 1, Integer::sum);
        }

        @Override
        public void dropped(String group) {
            dropped.merge(group, 1, Integer::sum);
        }
    });

    private EventGroups<String>.Subscription join(String group, Sink sink) {
        EventGroups<String>.Subscription s = groups.subscription(group, sink);
        s.start();
        return s;
    }

    private void publish(String... events) {
        for (String e : events) {
            groups.publish(e);
        }
    }

    @Test
    void subscribersWithoutAGroupGetEveryEvent() {
        Sink cdr1 = new Sink();
        Sink cdr2 = new Sink();
        join("", cdr1);
        join("", cdr2);
        publish("e1", "e2", "e3");
        assertEquals(List.of("e1", "e2", "e3"), cdr1.taken);
        assertEquals(List.of("e1", "e2", "e3"), cdr2.taken);
    }

    @Test
    void eachEventOfAGroupGoesToExactlyOneMemberRoundRobin() {
        Sink edge1 = new Sink();
        Sink edge2 = new Sink();
        Sink cdr = new Sink();
        join("edge", edge1);
        join("edge", edge2);
        join("", cdr);
        publish("e1", "e2", "e3", "e4");
        assertEquals(List.of("e1", "e3"), edge1.taken);
        assertEquals(List.of("e2", "e4"), edge2.taken);
        assertEquals(4, cdr.taken.size(), "a group does not take events from ungrouped subscribers");
        assertEquals(2, members.get("edge").getAsInt());
    }

    @Test
    void twoGroupsEachGetEveryEventOnce() {
        Sink edge = new Sink();
        Sink cdr = new Sink();
        join("edge", edge);
        join("cdr", cdr);
        publish("e1", "e2");
        assertEquals(List.of("e1", "e2"), edge.taken);
        assertEquals(List.of("e1", "e2"), cdr.taken);
    }

    @Test
    void aMemberThatLeftGetsNothingAndTheRemainingMemberTakesEverything() {
        Sink stays = new Sink();
        Sink leaves = new Sink();
        join("edge", stays);
        EventGroups<String>.Subscription gone = join("edge", leaves);
        gone.cancel(List.of());
        publish("e1", "e2", "e3");
        assertEquals(List.of("e1", "e2", "e3"), stays.taken);
        assertTrue(leaves.taken.isEmpty());
        assertEquals(1, groups.members("edge"));
    }

    @Test
    void aMemberWhoseStreamClosedIsSkippedBeforeItIsRemoved() {
        Sink closed = new Sink();
        Sink live = new Sink();
        join("edge", closed);
        join("edge", live);
        closed.open = false;
        publish("e1", "e2");
        assertEquals(List.of("e1", "e2"), live.taken, "the next live member gets the event");
        assertTrue(undelivered.isEmpty() && dropped.isEmpty());
    }

    @Test
    void aFullMemberIsSkippedAndWithEveryMemberFullTheEventIsCountedDropped() {
        Sink full = new Sink();
        Sink roomy = new Sink();
        full.room = 0;
        roomy.room = 1;
        join("edge", full);
        join("edge", roomy);
        publish("e1", "e2");
        assertEquals(List.of("e1"), roomy.taken);
        assertEquals(Map.of("edge", 1), dropped);
        assertTrue(undelivered.isEmpty());
    }

    @Test
    void aFullSubscriberOfEveryEventMissesItCounted() {
        Sink slow = new Sink();
        slow.room = 1;
        join("", slow);
        publish("e1", "e2");
        assertEquals(List.of("e1"), slow.taken);
        assertEquals(Map.of("", 1), dropped);
    }

    @Test
    void anEventForAGroupWithNoMemberLeftIsCountedUndeliveredNotQueued() {
        EventGroups<String>.Subscription only = join("edge", new Sink());
        only.cancel(List.of());
        publish("e1");
        assertEquals(Map.of("edge", 1), undelivered);
        Sink late = new Sink();
        join("edge", late);
        publish("e2");
        assertEquals(List.of("e2"), late.taken, "nothing replayed to a member that joins later");
    }

    @Test
    void eventsALeavingMemberHadNotSentGoToTheRestOfItsGroup() {
        Sink stays = new Sink();
        join("edge", stays);
        EventGroups<String>.Subscription leaving = join("edge", new Sink());
        leaving.cancel(List.of("timeout-1", "timeout-2"));
        assertEquals(List.of("timeout-1", "timeout-2"), stays.taken);
    }

    @Test
    void eventsALeavingSubscriberOfEveryEventHadNotSentAreCountedDropped() {
        EventGroups<String>.Subscription leaving = join("", new Sink());
        leaving.cancel(List.of("e1"));
        assertEquals(Map.of("", 1), dropped);
    }

    @Test
    void groupNamesAreTokensThatCanBeMetricTags() {
        assertTrue(EventGroups.isValidGroup(""));
        assertTrue(EventGroups.isValidGroup("edge"));
        assertTrue(EventGroups.isValidGroup("edge-eu.west_1"));
        assertFalse(EventGroups.isValidGroup("edge replicas"));
        assertFalse(EventGroups.isValidGroup("*"));
        assertFalse(EventGroups.isValidGroup("e".repeat(65)));
        assertThrows(IllegalArgumentException.class, () -> groups.subscription("a\"b", new Sink()));
    }

    @Test
    void theNumberOfGroupNamesIsBounded() {
        for (int i = 0; i < EventGroups.MAX_GROUPS; i++) {
            join("group-" + i, new Sink());
        }
        assertThrows(TooManyGroups.class, () -> groups.subscription("one-more", new Sink()));
        join("group-0", new Sink()); // known names still take members
        assertEquals(2, groups.members("group-0"));
    }
}
