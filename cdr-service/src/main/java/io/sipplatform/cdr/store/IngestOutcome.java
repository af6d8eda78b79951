package io.sipplatform.cdr.store;

import io.sipplatform.cdr.domain.Cdr;
import java.util.List;

/** Result of one committed ingestion: events newly stored, replays ignored, and the CDRs rewritten. */
public record IngestOutcome(int stored, int duplicates, List<Cdr> written) {
    public IngestOutcome {
        written = List.copyOf(written);
    }
}
