package io.sipplatform.e2e;

import java.util.concurrent.atomic.AtomicReference;
import java.time.Duration;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.Awaitility;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The CDRs of the calls a scenario made, read through the CDR API once the calls have ended. */
final class Cdrs {
    private Cdrs() {
    }

    /** The closed CDR of this SIP Call-ID, waiting up to 15 s for the edge's events to arrive. */
    static JsonNode closed(Platform p, String callId) throws IOException, InterruptedException {
        return closed(p, callId, 15);
    }

    /** The same, waiting longer: after an outage the edge's spool retries with a backoff of up to 30 s. */
    static JsonNode closed(Platform p, String callId, int seconds) throws IOException, InterruptedException {
        return closed(p, callId, seconds, cdr -> true);
    }

    /** The closed CDR once the relay's statistics are in too (they follow the end event, after the relay's delete). */
    static JsonNode closedWithMedia(Platform p, String callId) throws IOException, InterruptedException {
        return closed(p, callId, 15, cdr -> !cdr.path("callerPackets").isNull()
                && !cdr.path("callerPackets").isMissingNode());
    }

    private static JsonNode closed(Platform p, String callId, int seconds, java.util.function.Predicate<JsonNode> done)
            throws IOException, InterruptedException {
        AtomicReference<Http.Answer> last = new AtomicReference<>();
        try {
            return Awaitility.await().atMost(Duration.ofSeconds(seconds)).pollInterval(Duration.ofMillis(250))
                    .until(() -> {
                        Http.Answer a = p.cdr.get("cdrs/" + URLEncoder.encode(callId, StandardCharsets.UTF_8),
                                Map.of());
                        last.set(a);
                        return a.status() == 200 ? a.json() : null;
                    }, cdr -> cdr != null && "CLOSED".equals(cdr.path("state").asText()) && done.test(cdr));
        } catch (ConditionTimeoutException e) {
            Http.Answer a = last.get();
            fail("no closed CDR for " + callId + ": " + (a == null ? "" : a.status() + " " + a.body()));
            return null;
        }
    }

    /** Every CDR of a trunk (all pages). */
    static List<JsonNode> ofTrunk(Platform p, String trunk) throws IOException, InterruptedException {
        List<JsonNode> all = new ArrayList<>();
        String after = null;
        do {
            Map<String, String> q = after == null ? Map.of("trunk", trunk, "limit", "500")
                    : Map.of("trunk", trunk, "limit", "500", "after", after);
            Http.Answer a = p.cdr.get("cdrs", q);
            if (a.status() != 200) {
                fail("CDR list: " + a.status() + " " + a.body());
            }
            JsonNode page = a.json();
            page.path("items").forEach(all::add);
            after = page.path("next").isNull() || page.path("next").isMissingNode() ? null
                    : page.path("next").asText();
        } while (after != null);
        return all;
    }

    /** The call ids a SIPp run logged with this word ("answered 1-123@127.0.0.31" gives "1-123@127.0.0.31"). */
    static List<String> callIds(Sipp run, String word) throws IOException {
        List<String> ids = new ArrayList<>();
        for (String line : run.events()) {
            String[] parts = line.trim().split("\\s+");
            if (parts.length >= 2 && parts[parts.length - 2].equals(word)) {
                ids.add(parts[parts.length - 1]);
            }
        }
        return ids;
    }
}
