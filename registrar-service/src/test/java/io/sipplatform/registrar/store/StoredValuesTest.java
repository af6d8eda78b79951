package io.sipplatform.registrar.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sipplatform.registrar.domain.Aor;
import io.sipplatform.registrar.domain.Binding;
import io.sipplatform.registrar.domain.Flow;
import io.sipplatform.registrar.domain.SourceAddress;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.infinispan.protostream.ProtobufUtil;
import org.infinispan.protostream.SerializationContext;
import org.junit.jupiter.api.Test;

/**
 * Cache values survive marshalling unchanged: the compare-and-set on another node compares the value it unmarshals
 * with the one it holds, so any difference (an empty list read back as [""], a lost nanosecond) fails every write.
 */
class StoredValuesTest {
    static final Aor ALICE = new Aor("sip:alice@example.com");

    static final Binding FULL = new Binding(ALICE, "sip:alice@192.0.2.1:5070;transport=tcp",
            Instant.parse("2026-01-01T01:00:00.123456789Z"), OptionalInt.of(500), "urn:uuid:abc", 1, "call@ua", 42,
            Optional.of(new SourceAddress("2001:db8::1", 5070, "TCP")), List.of("sip:a;lr", "sip:b;lr;ob"),
            Optional.of(new Flow("edge-1", "tok")), "ua/1", Instant.parse("2026-01-01T00:00:00.000000001Z"),
            "site-a");

    static final Binding BARE = new Binding(ALICE, "sip:alice@192.0.2.2", Instant.parse("2026-01-01T01:00:00Z"),
            OptionalInt.empty(), "", 0, "c", 0, Optional.empty(), List.of(), Optional.empty(), "",
            Instant.parse("2026-01-01T00:00:00Z"), "");

    static StoredAor marshalledAndBack(StoredAor value) throws Exception {
        SerializationContext context = ProtobufUtil.newSerializationContext();
        LocationSchemaImpl schema = new LocationSchemaImpl();
        schema.register(context);
        byte[] bytes = ProtobufUtil.toWrappedByteArray(context, value);
        return (StoredAor) ProtobufUtil.fromWrappedByteArray(context, bytes);
    }

    @Test
    void aFullBindingSurvivesMarshallingUnchanged() throws Exception {
        StoredAor stored = InfinispanLocationStore.toStored(List.of(FULL));
        assertEquals(stored, marshalledAndBack(stored));
        assertEquals(List.of(FULL), InfinispanLocationStore.toDomain(ALICE, marshalledAndBack(stored)));
    }

    @Test
    void absentValuesAndEmptyListsSurviveMarshallingUnchanged() throws Exception {
        StoredAor stored = InfinispanLocationStore.toStored(List.of(BARE, FULL));
        assertEquals(stored, marshalledAndBack(stored));
        assertEquals(List.of(BARE, FULL), InfinispanLocationStore.toDomain(ALICE, marshalledAndBack(stored)));
    }

    @Test
    void instantsRoundTripToTheNanosecondIncludingBeforeTheEpoch() {
        Instant before = Instant.parse("1969-12-31T23:59:59.999999999Z");
        assertEquals(before, InfinispanLocationStore.fromNanos(InfinispanLocationStore.toNanos(before)));
    }
}
