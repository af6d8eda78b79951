package io.sipplatform.sip.message;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.sipplatform.sip.SipParseException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Framer plus full parse on arbitrary bytes: nothing but {@link SipParseException} escapes a header accessor, the
 * framers never throw, a stream split anywhere frames like the datagram path's head, and a message written back
 * frames to an equal message. In a normal build the seed corpus (MessageFuzzTestInputs/) runs as a regression test;
 * {@code JAZZER_FUZZ=1 ./mvnw -pl libs/sip-message test -Dtest=MessageFuzzTest} fuzzes (see docs/fuzzing.md).
 */
class MessageFuzzTest {

    @FuzzTest(maxDuration = "10m")
    void frameAndParse(byte[] data) {
        Framed framed = new DatagramFramer().frame(data);
        if (framed instanceof Framed.Message m) {
            readEverything(m.message());
            roundTrip(m.message());
        } else if (framed instanceof Framed.Malformed bad) {
            assertTrue(bad.offset() >= 0, "offset is never negative");
            if (bad.readable().answerable()) {
                SipMessageBuilder.responseTo(bad.readable(), SipStatus.of(bad.reason().statusCode()))
                        .toTagIfAbsent("fz").build();
            }
        }
        // the stream framer gives the same frames whole and split at a data-derived offset
        int cut = data.length == 0 ? 0 : (data[0] & 0xff) % data.length;
        assertEquals(stream(data, -1), stream(data, cut), "split at " + cut);
    }

    private static List<String> stream(byte[] data, int cut) {
        StreamFramer s = new StreamFramer();
        List<Framed> out = new ArrayList<>();
        if (cut > 0) {
            s.feed(Arrays.copyOfRange(data, 0, cut), out::add);
            s.feed(Arrays.copyOfRange(data, cut, data.length), out::add);
        } else {
            s.feed(data, out::add);
        }
        return out.stream().map(FixtureCorpusTest::describe).collect(Collectors.toList());
    }

    static void readEverything(SipMessage m) {
        Runnable[] reads = {
            m::topVia, m::vias, m::callId, m::cseq, m::from, m::to, m::fromTag, m::toTag, m::maxForwards,
            m::routes, m::recordRoutes, m::paths, m::topRoute, m::contacts, m::isContactWildcard, m::expires,
            m::minExpires, m::contentType, m::authorizations, m::proxyAuthorizations, m::wwwAuthenticates,
            m::proxyAuthenticates, m::require, m::proxyRequire, m::supported, m::unsupported, m::allow,
            m::retryAfter, () -> {
                if (m instanceof SipRequest r) {
                    r.requestUri();
                }
            }
        };
        for (Runnable read : reads) {
            try {
                read.run();
            } catch (SipParseException expected) {
                // invalid value: the one documented outcome besides a parsed value
            }
        }
        for (int i = 0; i < m.headerCount(); i++) {
            m.headerName(i);
            m.headerValue(i);
            try {
                m.headerValues(m.headerNameOf(i));
            } catch (SipParseException expected) {
                // unbalanced list value
            }
        }
    }

    private static void roundTrip(SipMessage m) {
        byte[] written = m.toBuilder().toBytes();
        Framed again = new DatagramFramer(new FrameLimits(1 << 20, 4096, 1 << 20, 1 << 20)).frame(written);
        assertTrue(again instanceof Framed.Message, "written message frames again: " + again);
        SipMessage r = ((Framed.Message) again).message();
        assertEquals(m.startLine(), r.startLine());
        for (int i = 0; i < m.headerCount(); i++) {
            assertEquals(m.headerValue(i), r.headerValue(i));
        }
    }
}
