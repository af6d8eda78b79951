package io.sipplatform.bench;

import io.sipplatform.sip.message.DatagramFramer;
import io.sipplatform.sip.message.Framed;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The generated hostile inputs are as large and as hostile as AdversarialParseBench claims, reach the header parsers,
 * and make them throw nothing but SipParseException.
 */
class HostileInputTest {

    @ParameterizedTest(name = "{0} at {1} KiB has at least {3} of \"{2}\"")
    @CsvSource(delimiter = '|', textBlock = """
            VIA_COMMAS    | 16 | ,                 | 15000
            VIA_COMMAS    | 64 | ,                 | 60000
            NESTED_ANGLES | 16 | <                 | 7500
            NESTED_ANGLES | 64 | <                 | 32000
            BACKSLASHES   | 16 | \\                | 15000
            BACKSLASHES   | 64 | \\                | 60000
            MANY_VIAS     | 16 | SIP/2.0/UDP       | 1100
            MANY_VIAS     | 64 | SIP/2.0/UDP       | 4500
            MANY_HEADERS  | 16 | LF                | 400
            MANY_HEADERS  | 64 | LF                | 1800
            NORMAL        | 16 | LF                | 200
            NORMAL        | 64 | LF                | 750
            """)
    void inputIsNearItsSizeAndCarriesItsHostilePart(HostileInput input, int kib, String unit, int atLeast) {
        byte[] bytes = input.generate(kib * 1024);
        assertTrue(bytes.length <= kib * 1024 && bytes.length > kib * 1024 - 256, "size " + bytes.length);
        String text = new String(bytes, StandardCharsets.US_ASCII);
        String u = unit.equals("LF") ? "\n" : unit;
        int count = (text.length() - text.replace(u, "").length()) / u.length();
        assertTrue(count >= atLeast, input + " has " + count + " of " + unit);
    }

    @ParameterizedTest
    @CsvSource({
        "VIA_COMMAS, 64", "NESTED_ANGLES, 64", "BACKSLASHES, 64", "MANY_VIAS, 64", "MANY_HEADERS, 64", "NORMAL, 64"
    })
    void framesAsAMessageAndTypedHeadersThrowOnlySipParseException(HostileInput input, int kib) {
        Framed framed = new DatagramFramer(AdversarialParseBench.RELAXED).frame(input.generate(kib * 1024));
        Framed.Message m = assertInstanceOf(Framed.Message.class, framed, () -> "framed as " + framed);
        List<Object> values = new ArrayList<>();
        TypedHeaders.readAll(m.message(), values::add);
        assertTrue(values.size() >= 25, "every accessor answered: " + values.size());
    }
}
