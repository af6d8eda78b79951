package io.sipplatform.registrar.store;

import org.infinispan.protostream.annotations.ProtoFactory;
import org.infinispan.protostream.annotations.ProtoField;

/**
 * A brute-force counter or ban as stored in the cluster-wide security cache; the entry's lifespan ends the window
 * or the ban.
 *
 * @param endNanos epoch nanoseconds when the window or ban ends
 * @param count    failures in the window; 0 for a ban
 */
public record FailureWindow(@ProtoField(number = 1, defaultValue = "0") long endNanos,
        @ProtoField(number = 2, defaultValue = "0") long count) {

    @ProtoFactory
    public FailureWindow {
    }
}
