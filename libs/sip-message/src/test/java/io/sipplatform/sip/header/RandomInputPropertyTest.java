package io.sipplatform.sip.header;

import io.sipplatform.sip.SipParseException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Random short strings from a fixed seed through every value parser. Property: only SipParseException escapes, and
 * whatever parses renders to text that parses back to an equal value. Half the strings are concatenated SIP
 * punctuation and grammar fragments; the other half are valid values with a few random edits, so that every parser
 * sees many near-valid inputs and the round trip is exercised, not just rejection.
 */
class RandomInputPropertyTest {
    private static final long SEED = 0x5195_2026L;
    private static final int CASES = 200_000;

    private static final String[] FRAGMENTS = {
            "sip:", "sips:", "tel:", "mailto:", "SIP/2.0/UDP ", "sip/2.0/tcp ", "Digest ", "<", ">", "\"", "\\", ";",
            ",", ":", "@", "=", "?", "&", "%", "%4", "%41", "%C3%A9", "(", ")", "[", "]", "/", " ", "\t", "a", "Z",
            "0", "1", "9", ".", "-", "+", "*", "~", "!", "'", "`", "_", "$", "#", "{", "}", "\u00e9", "\u5927",
            "\u0000", "\u007f", "\r", "\n", "alice", "example.com", "192.0.2.1", "[2001:db8::1]", "2001:db8::1",
            "::", ":::", "ffff", "5060", "65536", "tag", "branch", "z9hG4bK", "received", "rport", "ttl", "maddr",
            "lr", "transport", "expires", "q", "0.5", "1.000", "reg-id", "+sip.instance", "realm", "nonce",
            "phone-context", "ext", "isub", "duration", "boundary", "application", "sdp", "INVITE", "4294967296",
            "\"Bob\"", "<sip:a@b>", "2147483648", "0x", "*", "\uD800"};

    private static final String[] SEEDS = {
            "sip:alice:pw@atlanta.com:5060;transport=tcp;lr;maddr=[::1]?h=v&x=%20y",
            "sips:%61lice@[2001:db8::10]:5061;user=phone",
            "tel:+1-201-555-0123;ext=12;isub=a%3Db",
            "tel:7042;phone-context=example.com;x",
            "urn:service:sos",
            "\"Bob \\\"B\\\"\" <sip:bob@biloxi.com>;tag=a6c85cf;p=\"a,b\"",
            "token1 token2 <tel:+1>;x",
            "sip:bob@biloxi.com;tag=1",
            "SIP/2.0/UDP [2001:db8::9:1]:5060;branch=z9hG4bK1;received=2001:db8::9:255;rport",
            "SIP / 2.0 / TCP host.example.com ; branch = z9hG4bKx ; ttl=16;maddr=239.1.1.1;rport=5070",
            "314159 INVITE",
            "<sip:x@y>;q=0.5;expires=60;+sip.instance=\"<urn:uuid:1>\";reg-id=1",
            "Digest realm=\"a\", nonce=\"b,c\", qop=auth, nc=00000001",
            "multipart/mixed;boundary=\"a b\";charset=utf-8",
            "120 (in (a) \\) meeting);duration=60",
            "a84b4c76e66710@pc33.atlanta.com",
            "70",
            "timer, 100rel , path",
            "\"Watson, Thomas\" <sip:t@x>, <sip:b@y>"};

    @Test
    void onlySipParseExceptionEscapesAndParsedValuesRoundTrip() {
        SplittableRandom random = new SplittableRandom(SEED);
        List<String> failures = new ArrayList<>();
        int[] parsedBy = new int[ValueParsers.ALL.size()];
        StringBuilder input = new StringBuilder(96);
        for (int n = 0; n < CASES && failures.size() < 10; n++) {
            input.setLength(0);
            if ((n & 1) == 0) {
                int pieces = random.nextInt(12);
                for (int k = 0; k < pieces; k++) {
                    input.append(FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
                }
            } else {
                input.append(SEEDS[random.nextInt(SEEDS.length)]);
                int edits = random.nextInt(4); // zero edits keeps some inputs valid
                for (int k = 0; k < edits; k++) {
                    mutate(input, random);
                }
            }
            String text = input.toString();
            for (int k = 0; k < ValueParsers.ALL.size(); k++) {
                ValueParsers.Entry parser = ValueParsers.ALL.get(k);
                try {
                    Object value = parser.parse().apply(text);
                    parsedBy[k]++;
                    String problem = ValueParsers.roundTripProblem(parser, value);
                    if (problem != null) {
                        failures.add(problem + " (input " + escape(text) + ")");
                    }
                } catch (SipParseException expected) {
                    // rejection is fine
                } catch (Throwable t) {
                    failures.add(parser.name() + " threw " + t + " on " + escape(text));
                }
            }
        }
        assertEquals(List.of(), failures);
        for (int k = 0; k < parsedBy.length; k++) {
            assertTrue(parsedBy[k] > 100, ValueParsers.ALL.get(k).name() + " parsed only " + parsedBy[k] + " inputs");
        }
    }

    private static void mutate(StringBuilder s, SplittableRandom random) {
        int at = random.nextInt(s.length() + 1);
        switch (random.nextInt(4)) {
            case 0 -> s.insert(at, FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
            case 1 -> s.delete(at, Math.min(s.length(), at + 1 + random.nextInt(3)));
            case 2 -> {
                if (at < s.length()) {
                    s.setCharAt(at, FRAGMENTS[random.nextInt(FRAGMENTS.length)].charAt(0));
                }
            }
            default -> {
                if (at < s.length()) {
                    char c = s.charAt(at);
                    s.setCharAt(at, Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c));
                }
            }
        }
    }

    private static String escape(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            out.append(c >= 0x20 && c < 0x7F ? String.valueOf(c) : String.format("\\u%04x", (int) c));
        }
        return out.toString();
    }
}
