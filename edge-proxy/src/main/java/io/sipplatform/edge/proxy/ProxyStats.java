package io.sipplatform.edge.proxy;

/**
 * Counters of one proxy shard, read by the metrics layer (plain fields: single writer, a scrape may read a
 * slightly stale value).
 */
public final class ProxyStats {
    long requests;
    long failovers;
    long malformed;
    long strayRelayed;
    long strayDropped;
    long droppedAcks;
    long shed;
    long mediaAnswerFailures;
    long mediaReofferRefusals;
    private final long[] byClass = new long[7];

    void responses(int code) {
        int c = code / 100;
        if (c >= 1 && c <= 6) {
            byClass[c]++;
        }
    }

    public long requests() {
        return requests;
    }

    public long failovers() {
        return failovers;
    }

    public long malformed() {
        return malformed;
    }

    public long strayRelayed() {
        return strayRelayed;
    }

    public long strayDropped() {
        return strayDropped;
    }

    public long droppedAcks() {
        return droppedAcks;
    }

    /** SDP answers relayed unanchored because the media relay did not answer. */
    public long mediaAnswerFailures() {
        return mediaAnswerFailures;
    }

    /** Re-INVITEs / UPDATEs answered 488 or 5xx because the relay refused or missed their re-offer. */
    public long mediaReofferRefusals() {
        return mediaReofferRefusals;
    }

    /** Out-of-dialog requests refused with 503 while draining or overloaded. */
    public long shed() {
        return shed;
    }

    /** Final and provisional responses the core sent or relayed, by class 1..6. */
    public long responsesOfClass(int statusClass) {
        return byClass[statusClass];
    }
}
