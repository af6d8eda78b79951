package io.sipplatform.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The three libraries read the same proxy fields from every corpus message, so SipParseBench compares like work. */
class SameFieldsTest {

    /** Collects each value as text (null stays null) and each number as a Long. */
    private static final class TextFields implements ProxyFields {
        final List<Object> values = new ArrayList<>();

        @Override
        public void value(Object v) {
            values.add(v == null ? null : v.toString());
        }

        @Override
        public void number(long v) {
            values.add(v);
        }
    }

    static List<String> corpus() {
        return Corpus.NAMES;
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void jainSipReadsTheSameFieldsAsOurs(String name) throws Exception {
        byte[] message = Corpus.load(name);
        TextFields jain = new TextFields();
        new JainProxyReader().read(message, jain);
        assertEquals(ours(message), jain.values);
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void pktsSipReadsTheSameFieldsAsOurs(String name) throws Exception {
        byte[] message = Corpus.load(name);
        TextFields pkts = new TextFields();
        new PktsProxyReader().read(message, pkts);
        assertEquals(ours(message), pkts.values);
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void everyMessageHasTheFieldsAProxyMatchesOn(String name) {
        List<Object> v = ours(Corpus.load(name));
        assertTrue(v.size() == 9 || v.size() == 7, "request 9 values, response 7: " + v);
        assertTrue(((String) v.get(0)).startsWith("z9hG4bK"), "RFC 3261 branch: " + v.get(0));
        for (int i = 1; i < 5; i++) {
            assertNotNull(v.get(i), "Call-ID, CSeq and From tag present: " + v);
        }
    }

    @Test
    void scoreIsPerMessageBecauseOperationsPerInvocationIsTheCorpusSize() {
        assertEquals(Corpus.NAMES.size(), Corpus.SIZE);
        assertEquals(Corpus.SIZE, Corpus.load().length);
    }

    private static List<Object> ours(byte[] message) {
        TextFields ours = new TextFields();
        new OursProxyReader().read(message, ours);
        return ours.values;
    }
}
