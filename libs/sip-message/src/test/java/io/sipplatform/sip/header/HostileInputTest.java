package io.sipplatform.sip.header;

import io.sipplatform.sip.SipParseException;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Inputs built to make a careless parser quadratic, recursive or overflow-prone, pushed through every value parser.
 * Each must parse or throw SipParseException: no other exception, no StackOverflowError. Completing at all is the
 * linear-time check (no timings are asserted).
 */
class HostileInputTest {

    private static Map<String, String> hostileInputs() {
        String digits = "9".repeat(10_000);
        return Map.ofEntries(
                Map.entry("10 000 commas", ",".repeat(10_000)),
                Map.entry("10 000 values", "a" + ",a".repeat(10_000)),
                Map.entry("60 000 backslashes in a quoted string", "\"" + "\\".repeat(60_000) + "\""),
                Map.entry("60 000 backslashes unterminated", "\"" + "\\".repeat(60_001)),
                Map.entry("quoted display name of 30 000 escapes", "\"" + "\\\"".repeat(30_000) + "\" <sip:a@b>"),
                Map.entry("20 000 '<'", "<".repeat(20_000)),
                Map.entry("20 000 '<' then sip", "<".repeat(20_000) + "sip:a@b>"),
                Map.entry("20 000 '>'", ">".repeat(20_000)),
                Map.entry("30 000 nested '('", "1 " + "(".repeat(30_000)),
                Map.entry("30 000 balanced '('", "1 " + "(".repeat(30_000) + ")".repeat(30_000)),
                Map.entry("30 000 nested '[' in a URI", "sip:" + "[".repeat(30_000)),
                Map.entry("10 000-digit number", digits),
                Map.entry("10 000-digit CSeq", digits + " INVITE"),
                Map.entry("10 000-digit port", "sip:host:" + digits),
                Map.entry("10 000-digit Via port", "SIP/2.0/UDP h:" + digits),
                Map.entry("10 000-digit expires", "<sip:a@b>;expires=" + digits + ";q=" + digits + ";reg-id=" + digits),
                Map.entry("10 000-digit Retry-After", digits + ";duration=" + digits),
                Map.entry("10 000 parameters", "<sip:a@b>" + ";p".repeat(10_000)),
                Map.entry("10 000 semicolons", "<sip:a@b>" + ";".repeat(10_000)),
                Map.entry("10 000 URI parameters", "sip:a@b" + ";p=1".repeat(10_000)),
                Map.entry("20 000 escapes", "sip:" + "%41".repeat(20_000) + "@b"),
                Map.entry("60 000 percent signs", "sip:" + "%".repeat(60_000)),
                Map.entry("30 000 colons in IPv6", "sip:[" + ":".repeat(30_000) + "]"),
                Map.entry("20 000 hex groups", "sip:[" + "1:".repeat(20_000) + "1]"),
                Map.entry("30 000 labels", "sip:" + "a.".repeat(30_000) + "com"),
                Map.entry("10 000 display tokens", "a ".repeat(10_000) + "x"),
                Map.entry("10 000 display tokens then <", "a ".repeat(10_000) + "<sip:a@b>"),
                Map.entry("10 000 auth params", "Digest " + "a=b, ".repeat(10_000) + "c=d"),
                Map.entry("10 000 duplicate auth params", "Digest a=b" + ", a=b".repeat(10_000)),
                Map.entry("30 000 slashes in Via", "SIP" + " /".repeat(30_000)),
                Map.entry("60 000 spaces", " ".repeat(60_000)),
                Map.entry("60 000 tabs then value", "\t".repeat(60_000) + "1"),
                Map.entry("64 KiB of 'a'", "a".repeat(65_536)),
                Map.entry("64 KiB of '@'", "@".repeat(65_536)),
                Map.entry("30 000 quotes", "\"".repeat(30_000)),
                Map.entry("NUL bytes", "\u0000".repeat(1_000)),
                Map.entry("lone surrogates", "\uD800".repeat(1_000)),
                Map.entry("CRLF", "sip:a@b\r\n;tag=1"),
                Map.entry("empty", ""));
    }

    @TestFactory
    Stream<DynamicTest> everyParserParsesOrThrowsSipParseException() {
        List<DynamicTest> tests = new ArrayList<>();
        hostileInputs().forEach((name, input) -> tests.add(DynamicTest.dynamicTest(name, () -> {
            for (ValueParsers.Entry parser : ValueParsers.ALL) {
                Object value;
                try {
                    value = parser.parse().apply(input);
                } catch (SipParseException expected) {
                    continue;
                } catch (Throwable t) {
                    fail(parser.name() + " threw " + t + " on " + name);
                    return;
                }
                assertNull(ValueParsers.roundTripProblem(parser, value), name);
            }
        })));
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> nullIsAParseErrorEverywhere() {
        return ValueParsers.ALL.stream()
                .filter(p -> !p.name().equals("HeaderValues.valueEnd") && !p.name().equals("Contact.isWildcard"))
                .map(p -> DynamicTest.dynamicTest(p.name(), () -> {
                    try {
                        p.parse().apply(null);
                        fail(p.name() + " accepted null");
                    } catch (SipParseException expected) {
                        // the contract: a parse error, not a NullPointerException
                    }
                }));
    }
}
