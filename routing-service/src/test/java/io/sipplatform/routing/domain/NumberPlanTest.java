package io.sipplatform.routing.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NumberPlanTest {
    private static final NumberPlan GERMANY = new NumberPlan("49", "0", "00", "30", false);
    private static final NumberPlan NANP = new NumberPlan("1", "1", "011", "", false);

    @ParameterizedTest(name = "Germany: {0} is {1}")
    @CsvSource(nullValues = "none", value = {
        "+49301234567,   +49301234567",    // already E.164
        "0049301234567,  +49301234567",    // international prefix
        "0301234567,     +49301234567",    // national prefix
        "1234567,        +49301234567",    // local number gets the area code
        "00121255501000, +121255501000",   // international to the US (13 digits)
        "0,              none",            // national prefix alone
        "00,             none",            // international prefix alone
        "+0301234,       none",            // E.164 never starts with 0
        "+1234567890123456, none",         // 16 digits: longer than E.164 allows
        "*21#,           none",            // service codes are not numbers
    })
    void germanDialling(String dialled, String e164) {
        assertEquals(e164, GERMANY.toE164(dialled));
    }

    @ParameterizedTest(name = "NANP: {0} is {1}")
    @CsvSource(nullValues = "none", value = {
        "12125550100,    +12125550100",    // 1 + area code is national
        "011442071234567, +442071234567",  // 011 international, longer than the national "1"
        "2125550100,     none",            // no area code for local numbers, no bare E.164
    })
    void northAmericanDialling(String dialled, String e164) {
        assertEquals(e164, NANP.toE164(dialled));
    }

    @ParameterizedTest(name = "carrier E.164 without plus: {0} is {1}")
    @CsvSource(nullValues = "none", value = {"4930123, +4930123", "+4930123, +4930123", "04930, none"})
    void bareE164(String dialled, String e164) {
        assertEquals(e164, NumberPlan.E164_ONLY.toE164(dialled));
    }

    @ParameterizedTest(name = "dial string of {0} is {1}")
    @CsvSource(nullValues = "none", value = {
        "+49 (30) 123-45.67, +49301234567",  // RFC 3966 visual separators go
        "*21#,               *21#",
        "alice,              none",
        "+,                  none",
        "12+3,               none",          // '+' only in front
    })
    void dialString(String user, String expected) {
        assertEquals(expected, E164.dialString(user));
    }

    @ParameterizedTest(name = "{0} written {1} is {2}")
    @CsvSource({
        "+4930123456, E164,     +4930123456",
        "+4930123456, DIGITS,   4930123456",
        "+4930123456, NATIONAL, 030123456",
        "+12125550100, NATIONAL, 0012125550100",
    })
    void writingNumbersForPeers(String e164, NumberFormat format, String written) {
        assertEquals(written, format.write(e164, GERMANY));
    }
}
