package io.sipplatform.cdr.store;

import io.sipplatform.cdr.domain.Disposition;
import java.time.Instant;
import java.util.Optional;

/**
 * Which CDRs a listing or export returns: start time in [from, to), and exact matches on customer, trunk, carrier
 * and disposition; number matches the calling or the called E.164 number. Empty means "any".
 */
public record CdrFilter(Optional<Instant> from, Optional<Instant> to, Optional<String> customerId,
        Optional<String> trunkId, Optional<String> number, Optional<String> carrierId,
        Optional<Disposition> disposition) {
    /** No restriction. */
    public static CdrFilter any() {
        return new CdrFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
    }
}
