package io.sipplatform.registrar.store;

import java.util.List;
import org.infinispan.protostream.annotations.ProtoFactory;
import org.infinispan.protostream.annotations.ProtoField;

/**
 * The location cache's value: every binding of one AOR (the key), written and compared as a whole so a REGISTER's
 * changes commit all or nothing (RFC 3261 §10.3 step 7).
 */
public record StoredAor(@ProtoField(number = 1) List<StoredBinding> bindings) {

    @ProtoFactory
    public StoredAor {
        bindings = bindings == null ? List.of() : List.copyOf(bindings);
    }
}
