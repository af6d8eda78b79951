package io.sipplatform.edge.transport;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Flow ids: a random five-character prefix per process, then a counter, both base 36. Unique in the process; the
 * prefix keeps a restarted edge from handing out an id a registrar binding still names.
 */
final class FlowIds {
    private static final String PREFIX = prefix();
    private static final AtomicLong NEXT = new AtomicLong();

    private FlowIds() {
    }

    static String next() {
        return PREFIX + Long.toString(NEXT.incrementAndGet(), 36);
    }

    private static String prefix() {
        int low = 36 * 36 * 36 * 36;
        int high = low * 36;
        return Integer.toString(low + new SecureRandom().nextInt(high - low), 36);
    }
}
