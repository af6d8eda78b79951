package io.sipplatform.cdr.domain;

import java.time.Duration;
import java.util.List;

/**
 * Media quality of what one party sent over the whole call: packets and losses summed over its streams, the worst
 * jitter and the worst computed MOS (0 when none was computed).
 */
public record MediaQuality(long packets, long packetsLost, Duration jitter, double mos) {
    public MediaQuality {
        jitter = jitter == null ? Duration.ZERO : jitter;
    }

    /** Summary of the given streams, or null when there are none. */
    static MediaQuality of(List<MediaStream> streams) {
        if (streams.isEmpty()) {
            return null;
        }
        long packets = 0;
        long lost = 0;
        Duration jitter = Duration.ZERO;
        double mos = 0;
        for (MediaStream s : streams) {
            packets += s.packets();
            lost += s.packetsLost();
            if (s.jitter().compareTo(jitter) > 0) {
                jitter = s.jitter();
            }
            if (s.mos() > 0 && (mos == 0 || s.mos() < mos)) {
                mos = s.mos();
            }
        }
        return new MediaQuality(packets, lost, jitter, mos);
    }
}
