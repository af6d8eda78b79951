package io.sipplatform.cdr;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** cdr-service settings (prefix {@code cdr}); Kubernetes overrides them through environment variables. */
@ConfigMapping(prefix = "cdr")
public interface CdrConfig {
    /** Embedded store settings. */
    Store store();

    /** Orphan closing. */
    Orphans orphans();

    /** Day partitions (PostgreSQL) and retention (both databases). */
    Partitions partitions();

    /** Ingestion limits. */
    Ingest ingest();

    /** REST query API. */
    Api api();

    interface Store {
        /** Directory of the embedded H2 file database; default ./data; unused when PostgreSQL is configured. */
        @WithDefault("./data")
        String dataDir();
    }

    interface Orphans {
        /**
         * Longest call: an open call this long after its start is closed as an orphan (cause MAX_DURATION, billed
         * to start + this); default 4h; too short cuts billing of long calls, too long keeps lost calls open.
         */
        @WithDefault("4h")
        Duration maxDuration();

        /** How often open calls are checked for orphans; default 1m; orphans close up to this late. */
        @WithDefault("1m")
        Duration sweepInterval();

        /** Most orphans closed per sweep; default 1000; the rest wait for the next sweep. */
        @WithDefault("1000")
        int maxPerSweep();
    }

    interface Partitions {
        /**
         * Day partitions are created up to today + this many days (UTC), at startup and on every run; default 7.
         * A day without a partition still stores its calls, in the default partition, until a run moves them.
         */
        @WithDefault("7")
        int daysAhead();

        /**
         * Days of CDRs kept before today (by the call's start day, UTC); older days are dropped (a whole partition
         * on PostgreSQL) with their events and legs; default 0 = keep every day. Events arriving for a dropped day
         * are stored again and dropped by the next run.
         */
        @WithDefault("0")
        int retentionDays();

        /** How often partitions are created ahead and old days removed; default 1h. */
        @WithDefault("1h")
        Duration interval();
    }

    interface Ingest {
        /** Most events per PublishBatch; default 500 (the contract's limit); larger batches get INVALID_ARGUMENT. */
        @WithDefault("500")
        int maxBatch();
    }

    interface Api {
        /** Bearer tokens accepted by the query API; no default: without one every request is refused with 401. */
        Optional<List<String>> tokens();

        /** Default page size of CDR listings; default 100. */
        @WithDefault("100")
        int defaultPageSize();

        /** Largest page a client may ask for; default 1000; larger limits are cut to it. */
        @WithDefault("1000")
        int maxPageSize();
    }
}
