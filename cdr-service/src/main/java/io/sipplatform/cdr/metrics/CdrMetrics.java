package io.sipplatform.cdr.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.sipplatform.cdr.domain.CallEvent;
import io.sipplatform.cdr.domain.Cdr;
import io.sipplatform.cdr.domain.CdrState;
import io.sipplatform.cdr.domain.EventBody;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * cdr.events.stored (rate = events/s), cdr.events.duplicates, cdr.events.rejected, cdr.commit.latency (one
 * ingestion transaction), cdr.ingest.lag (edge event time to commit), cdr.cdrs.written, cdr.orphans.closed,
 * cdr.calls.open (gauge, refreshed by the orphan sweep), cdr.partitions.created and cdr.partitions.dropped (days),
 * and per carrier once a call ends: cdr.calls.completed{carrier, code_class} (ASR = 2xx share, failure share by
 * class) and cdr.call.talk.time{carrier} (ACD = sum/count of answered calls). Carrier is the answering or last
 * tried carrier, "none" when no carrier was tried.
 */
@ApplicationScoped
public class CdrMetrics {
    private final Counter stored;
    private final Counter duplicates;
    private final Counter rejected;
    private final Counter cdrsWritten;
    private final Counter orphansClosed;
    private final Counter partitionsCreated;
    private final Counter partitionsDropped;
    private final Timer commitLatency;
    private final Timer ingestLag;
    private final AtomicLong openCalls = new AtomicLong();
    private final MeterRegistry registry;

    @Inject
    public CdrMetrics(MeterRegistry registry) {
        this.registry = registry;
        stored = Counter.builder("cdr.events.stored").description("Call events newly stored").register(registry);
        duplicates = Counter.builder("cdr.events.duplicates").description("Replayed call events ignored")
                .register(registry);
        rejected = Counter.builder("cdr.events.rejected").description("Call events refused as invalid")
                .register(registry);
        cdrsWritten = Counter.builder("cdr.cdrs.written").description("CDR rows (re)written by a commit")
                .register(registry);
        orphansClosed = Counter.builder("cdr.orphans.closed")
                .description("Calls closed after the maximum duration without an end event").register(registry);
        partitionsCreated = Counter.builder("cdr.partitions.created")
                .description("Day partitions created ahead (PostgreSQL)").register(registry);
        partitionsDropped = Counter.builder("cdr.partitions.dropped")
                .description("Day partitions dropped after the retention (PostgreSQL)").register(registry);
        commitLatency = Timer.builder("cdr.commit.latency").description("Duration of one ingestion transaction")
                .publishPercentiles(0.5, 0.99).register(registry);
        ingestLag = Timer.builder("cdr.ingest.lag").description("From the edge's event time to the commit")
                .publishPercentiles(0.5, 0.99).register(registry);
        registry.gauge("cdr.calls.open", openCalls);
    }

    /** One committed ingestion. */
    public void committed(List<CallEvent> events, int newlyStored, int replays, List<Cdr> written, Duration took,
            Instant committedAt) {
        stored.increment(newlyStored);
        duplicates.increment(replays);
        cdrsWritten.increment(written.size());
        completed(events, written);
        commitLatency.record(took);
        for (CallEvent e : events) {
            Duration lag = Duration.between(e.time(), committedAt);
            ingestLag.record(lag.isNegative() ? Duration.ZERO : lag);
        }
    }

    /**
     * Counts the calls this commit closed: a closed CDR counts when its end (or orphan closing) is among the
     * committed events, so later events that rewrite a closed CDR (late media statistics) do not count it again.
     */
    private void completed(List<CallEvent> events, List<Cdr> written) {
        Set<String> ended = new HashSet<>();
        for (CallEvent e : events) {
            if (e.body() instanceof EventBody.End || e.body() instanceof EventBody.OrphanClosed) {
                ended.add(e.callId());
            }
        }
        for (Cdr cdr : written) {
            if (cdr.state() != CdrState.CLOSED || !ended.contains(cdr.callId())) {
                continue;
            }
            String carrier = cdr.carrierId() == null || cdr.carrierId().isEmpty() ? "none" : cdr.carrierId();
            String codeClass = cdr.finalCode() == 0 ? "none" : (cdr.finalCode() / 100) + "xx";
            Counter.builder("cdr.calls.completed").description("Ended calls by carrier and final SIP code class")
                    .tag("carrier", carrier).tag("code_class", codeClass).register(registry).increment();
            if (cdr.answerTime() != null && cdr.talkTime() != null) {
                Timer.builder("cdr.call.talk.time").description("Talk time of answered calls (ACD = sum / count)")
                        .tag("carrier", carrier).register(registry).record(cdr.talkTime());
            }
        }
    }

    public void rejected(int events) {
        rejected.increment(events);
    }

    public void orphansClosed(int count) {
        orphansClosed.increment(count);
    }

    /** Days whose partitions one maintenance run created and dropped. */
    public void partitions(int created, int dropped) {
        partitionsCreated.increment(created);
        partitionsDropped.increment(dropped);
    }

    public void openCalls(long count) {
        openCalls.set(count);
    }
}
